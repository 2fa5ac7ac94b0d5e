package fr.capemploi.cpf.rest;

import fr.capemploi.cpf.domain.rights.RuleBook.Exemption;
import fr.capemploi.cpf.domain.rights.RuleBook.Unit;
import fr.capemploi.cpf.domain.rights.Simulation;
import fr.capemploi.cpf.domain.rights.Simulation.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CpfRightsSimulation", description = "Rights through time, one line per credit or conversion, each "
        + "naming its rule and legal source; explanations are in French")
public record SimulationResponse(@Schema(maxItems = 100) List<Line> lines, BigDecimal balanceHours,
        BigDecimal balanceEuros, CoPayment coPayment) {

    @Schema(name = "CpfRightsLine")
    public record Line(Kind kind, Integer activityYear,
            @Schema(description = "Rights of year N are credited in N + 1") int creditYear,
            Rule rule, Unit unit, BigDecimal workShare, BigDecimal creditedHours, BigDecimal creditedEuros,
            boolean capped, BigDecimal balanceHours, BigDecimal balanceEuros,
                    @Schema(maxLength = 4000) String explanation) {
    }

    @Schema(name = "CpfRule")
    public record Rule(@Schema(maxLength = 64) String id, @Schema(maxLength = 300) String label,
            @Schema(maxLength = 300) String source) {
    }

    @Schema(name = "CpfCoPayment")
    public record CoPayment(Rule rule, BigDecimal amount, Exemption exemption, boolean amountMayBeOutdated,
            BigDecimal cpfCanCover, BigDecimal remainingToFund, @Schema(maxLength = 4000) String explanation) {
    }

    static SimulationResponse of(Simulation simulation) {
        List<Line> lines = simulation.lines().stream().map(l -> new Line(l.kind(), l.activityYear(), l.creditYear(),
                new Rule(l.ruleId(), l.ruleLabel(), l.source()), l.unit(), l.workShare(), l.creditedHours(),
                l.creditedEuros(), l.capped(), l.balanceHours(), l.balanceEuros(), l.explanation())).toList();
        Simulation.CoPayment c = simulation.coPayment();
        CoPayment coPayment = c == null ? null : new CoPayment(new Rule(c.ruleId(), c.ruleLabel(), c.source()),
                c.amount(), c.exemption(), c.amountMayBeOutdated(), c.cpfCanCover(), c.remainingToFund(),
                c.explanation());
        return new SimulationResponse(lines, simulation.balanceHours(), simulation.balanceEuros(), coPayment);
    }
}
