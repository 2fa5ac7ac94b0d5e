package fr.capemploi.cpf.rest;

import static fr.capemploi.platform.rest.ExampleIds.COUNSELLOR;
import static fr.capemploi.platform.rest.ExampleIds.STRUCTURE;
import static fr.capemploi.platform.rest.ExampleIds.BENEFICIARY;

/** JSON examples of the OpenAPI document, kept in one place so that they stay consistent with each other. */
final class ApiExamples {

    static final String PROJECT = "7e3a9c51-2d4f-4b6a-9e8d-1f2a3b4c5d6e";
    static final String REQUEST = "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
    static final String CONSENT = "c0f5e1a2-3b4c-4d5e-8f60-718293a4b5c6";

    static final String ACCOUNT = "{\"beneficiaryId\":\"" + BENEFICIARY + "\",\"structureId\":\"" + STRUCTURE + "\","
            + "\"presentedOn\":\"2016-05-02\",\"opening\":{\"step\":\"ASSISTED\",\"on\":\"2016-05-02\"},"
            + "\"consentInForce\":true,\"consents\":[{\"id\":\"" + CONSENT + "\",\"givenOn\":\"2016-05-17\","
            + "\"modality\":\"SIGNED_STANDARD_LETTER\",\"withdrawnOn\":null}],"
            + "\"balance\":{\"unit\":\"HOURS\",\"amount\":24.00,\"asOf\":\"2016-05-02\"}}";

    static final String CONSENT_RESPONSE = "{\"id\":\"" + CONSENT + "\",\"givenOn\":\"2016-05-17\","
            + "\"modality\":\"SIGNED_STANDARD_LETTER\",\"withdrawnOn\":null}";

    static final String PLAN = "{\"cost\":4830.50,\"totalRequested\":4830.50,\"totalGranted\":3360.00,"
            + "\"pendingAmount\":0.00,\"fundingGap\":1470.50,\"newFinancialEngineering\":true,\"warnings\":["
            + "{\"code\":\"CPF_BALANCE_SHORT\",\"funder\":\"CPF\",\"explanation\":\"Le solde CPF relevé (24 h au "
            + "2 mai 2016) est inférieur aux heures demandées au CPF (48 h).\"}]}";

    static final String FUNDING_REQUEST = "{\"id\":\"" + REQUEST + "\",\"funder\":\"AGEFIPH\",\"amount\":4470.50,"
            + "\"cpfHours\":null,\"requestedOn\":\"2016-05-23\",\"decision\":\"PARTLY_GRANTED\","
            + "\"grantedAmount\":3000.00,\"refusalReason\":null,\"comment\":null,\"answeredOn\":\"2016-07-04\","
            + "\"responseDelayDays\":42}";

    /** A funding line as a request or a decision answers it: the line, and the project's plan re-assessed. */
    static final String FUNDING_LINE = "{\"request\":" + FUNDING_REQUEST + ",\"plan\":" + PLAN + "}";

    private static final String PROJECT_FACTS = "{\"id\":\"" + PROJECT + "\",\"beneficiaryId\":\"" + BENEFICIARY
            + "\",\"structureId\":\"" + STRUCTURE + "\",\"accompanimentId\":null,\"counsellorId\":\"" + COUNSELLOR
            + "\",\"title\":\"Titre professionnel Secrétaire assistant\",\"certification\":{\"kind\":\"RNCP\","
            + "\"code\":\"RNCP1234\"},\"cpfEligible\":true,\"eligibilityList\":\"COPAREF\",\"eligibilityRegion\":"
            + "\"11\",\"trainingBody\":{\"name\":\"AFPA Paris\",\"siret\":null},\"startDate\":\"2016-09-12\","
            + "\"endDate\":\"2017-03-31\",\"hours\":420,\"cost\":4830.50,";

    private static final String PROJECT_PLAN = ",\"createdOn\":\"2016-05-20\",\"fundingRequests\":["
            + FUNDING_REQUEST + "],\"plan\":" + PLAN + "}";

    static final String PROJECT_RESPONSE = PROJECT_FACTS + "\"status\":\"PLANNED\",\"startedOn\":null,"
            + "\"completedOn\":null,\"certificationObtained\":null,\"notImplementedOn\":null,"
            + "\"notImplementedReasons\":[]" + PROJECT_PLAN;

    static final String PROJECT_STARTED = PROJECT_FACTS + "\"status\":\"STARTED\",\"startedOn\":\"2016-09-12\","
            + "\"completedOn\":null,\"certificationObtained\":null,\"notImplementedOn\":null,"
            + "\"notImplementedReasons\":[]" + PROJECT_PLAN;

    static final String PROJECT_COMPLETED = PROJECT_FACTS + "\"status\":\"COMPLETED\",\"startedOn\":\"2016-09-12\","
            + "\"completedOn\":\"2017-03-31\",\"certificationObtained\":true,\"notImplementedOn\":null,"
            + "\"notImplementedReasons\":[]" + PROJECT_PLAN;

    static final String PROJECT_NOT_IMPLEMENTED = PROJECT_FACTS + "\"status\":\"NOT_IMPLEMENTED\",\"startedOn\":null,"
            + "\"completedOn\":null,\"certificationObtained\":null,\"notImplementedOn\":\"2016-08-30\","
            + "\"notImplementedReasons\":[\"NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS\",\"SLOW_CO_FUNDING_ANSWERS\"]"
            + PROJECT_PLAN;

    static final String PROJECT_REQUEST = "{\"beneficiaryId\":\"" + BENEFICIARY + "\",\"counsellorId\":\"" + COUNSELLOR
            + "\",\"title\":\"Titre professionnel Secrétaire assistant\",\"certification\":{\"kind\":\"RNCP\","
            + "\"code\":\"RNCP1234\"},\"eligibilityList\":\"COPAREF\",\"eligibilityRegion\":\"11\","
            + "\"trainingBody\":{\"name\":\"AFPA Paris\"},\"startDate\":\"2016-09-12\",\"endDate\":\"2017-03-31\","
            + "\"hours\":420,\"cost\":4830.50}";

    static final String VALIDATION = "{\"type\":\"https://cepcpf.capemploi.fr/problems/validation\","
            + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"2 fields are invalid\","
            + "\"instance\":\"/api/v1/cpf/training-projects\",\"violations\":[{\"field\":\"cost\","
            + "\"message\":\"must be greater than or equal to 0.00\"},{\"field\":\"endDate\","
            + "\"message\":\"must not be before startDate\"}]}";

    static final String CONFLICT = "{\"type\":\"https://cepcpf.capemploi.fr/problems/conflict\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"A consent to mobilise the CPF is already in force since 2016-05-17\"}";

    static final String CONSENT_MISSING = "{\"type\":\"https://cepcpf.capemploi.fr/problems/cpf-consent-missing\","
            + "\"title\":\"CPF consent missing\",\"status\":409,\"detail\":\"The CPF funds training project " + PROJECT
            + " but no consent of the beneficiary to mobilise the CPF was in force on 2016-09-12: record the consent "
            + "first (POST /api/v1/cpf/accounts/" + BENEFICIARY + "/consents)\"}";

    static final String NOT_FOUND = "{\"type\":\"https://cepcpf.capemploi.fr/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"Training project " + PROJECT + " was not found\"}";

    private ApiExamples() {
    }
}
