package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The calculator over HTTP: the worked examples themselves are in RightsCalculatorTest. */
@QuarkusTest
class RightsSimulationResourceTest {

    private static final String PATH = "/api/v1/cpf/rights/simulations";

    @Test
    void aPartnerSimulatesTheConversionAndAFirstYearInEurosWithEachRuleNamed() {
        as(TestTokens.partner()).body("{\"years\":[{\"year\":2015,\"hoursWorked\":1607},{\"year\":2016,\"hoursWorked\":1607},"
                + "{\"year\":2017,\"hoursWorked\":1607},{\"year\":2018,\"fteShare\":1},{\"year\":2019,\"hoursWorked\":600,"
                + "\"boe\":true}],\"training\":{\"purchaseDate\":\"2024-09-02\",\"cost\":3000.00,\"jobSeeker\":false,"
                + "\"employerCoFunding\":false}}").post(PATH)
                .then().statusCode(200)
                .body("lines", hasSize(6))
                .body("lines.kind", contains("CREDIT", "CREDIT", "CREDIT", "CONVERSION", "CREDIT", "CREDIT"))
                .body("lines.rule.id", contains("CPF-H-2015-SALARIE", "CPF-H-2015-SALARIE", "CPF-H-2015-SALARIE",
                        "CPF-CONVERSION-2019", "CPF-H-2015-SALARIE", "CPF-E-2019-BOE"))
                .body("lines[3].creditedEuros", equalTo(new BigDecimal("1080.00")))
                .body("lines[3].rule.source", containsString("Décret n° 2018-1153"))
                .body("lines[5].creditYear", equalTo(2020))
                // 800 x 600 / 1607 = 298.693... rounded up to the cent
                .body("lines[5].creditedEuros", equalTo(new BigDecimal("298.70")))
                .body("lines[5].explanation", containsString("moins d'un mi-temps"))
                .body("balanceEuros", equalTo(new BigDecimal("1738.70")))
                .body("coPayment.rule.id", equalTo("CPF-PARTICIPATION-2024"))
                .body("coPayment.amount", equalTo(new BigDecimal("100.00")))
                .body("coPayment.cpfCanCover", equalTo(new BigDecimal("1738.70")))
                .body("coPayment.remainingToFund", equalTo(new BigDecimal("1161.30")));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("{}", "years"),
                Arguments.of("{\"years\":[]}", "years"),
                Arguments.of("{\"years\":[{\"year\":2014,\"hoursWorked\":1607}]}", "years[0].year"),
                Arguments.of("{\"years\":[{\"year\":2019,\"hoursWorked\":1607},{\"year\":2019,\"hoursWorked\":800}]}",
                        "years[1].year"),
                Arguments.of("{\"years\":[{\"year\":1999,\"hoursWorked\":1607}]}", "years[0].year"),
                Arguments.of("{\"years\":[{\"hoursWorked\":1607}]}", "years[0].year"),
                Arguments.of("{\"years\":[{\"year\":2019,\"hoursWorked\":-1}]}", "years[0].hoursWorked"),
                Arguments.of("{\"years\":[{\"year\":2019,\"hoursWorked\":100.123}]}", "years[0].hoursWorked"),
                Arguments.of("{\"years\":[{\"year\":2019,\"fteShare\":1.5}]}", "years[0].fteShare"),
                Arguments.of("{\"years\":[{\"year\":2019,\"fteShare\":-0.1}]}", "years[0].fteShare"),
                Arguments.of("{\"years\":[{\"year\":2019,\"fteShare\":0.5,\"hoursWorked\":800}]}", "years[0].fteShare"),
                Arguments.of("{\"years\":[{\"year\":2019}]}", "years[0].hoursWorked"),
                Arguments.of("{\"years\":[{\"year\":2019,\"hoursWorked\":\"lots\"}]}", "years[0].hoursWorked"),
                Arguments.of("{\"years\":[{\"year\":2019,\"fteShare\":1}],\"training\":{\"cost\":100}}",
                        "training.purchaseDate"),
                Arguments.of("{\"years\":[{\"year\":2019,\"fteShare\":1}],\"training\":{\"purchaseDate\":\"2024-09-02\","
                        + "\"cost\":-100}}", "training.cost"),
                Arguments.of("{\"years\":[{\"year\":2019,\"fteShare\":1}],\"training\":{\"purchaseDate\":\"2024-09-02\","
                        + "\"cost\":10.001}}", "training.cost"),
                Arguments.of("{\"years\":[{\"year\":2019,\"fteShare\":1}],\"training\":{\"purchaseDate\":\"2014-09-02\","
                        + "\"cost\":100}}", "training.purchaseDate"),
                Arguments.of("{\"years\":[{\"year\":2019,\"fteShare\":1,\"salary\":3}]}", "years[0].salary"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsRefusedNamingTheField(String body, String field) {
        as(TestTokens.counsellor(java.util.UUID.randomUUID())).body(body).post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains(field));
    }
}
