package fr.capemploi.cpf.domain.rights;

import fr.capemploi.cpf.domain.rights.RuleBook.Exemption;
import fr.capemploi.cpf.domain.rights.RuleBook.Unit;
import java.math.BigDecimal;
import java.util.List;

/**
 * The CPF rights of a person through time: one line per credit or conversion, in the order they reached the
 * account, each naming the rule it applied and its legal source.
 */
public record Simulation(List<Line> lines, BigDecimal balanceHours, BigDecimal balanceEuros, CoPayment coPayment) {

    public Simulation {
        lines = List.copyOf(lines);
    }

    public enum Kind { CREDIT, CONVERSION }

    /**
     * @param activityYear  the year worked (absent for a conversion)
     * @param creditYear    the year the rights reached the account: rights of year N are credited in N + 1
     * @param creditedHours hours credited by this line (hours regime), or converted (conversion)
     * @param creditedEuros euros credited by this line, or obtained by the conversion
     * @param capped        the ceiling cut this credit
     */
    public record Line(Kind kind, Integer activityYear, int creditYear, String ruleId, String ruleLabel, String source,
            Unit unit, BigDecimal workShare, BigDecimal creditedHours, BigDecimal creditedEuros, boolean capped,
            BigDecimal balanceHours, BigDecimal balanceEuros, String explanation) {
    }

    /**
     * @param amount              what the holder pays out of pocket (0 when exempt)
     * @param exemption           the exemption applied, if any
     * @param amountMayBeOutdated the purchase date is after the last known amount: revalued every 1 January
     * @param cpfCanCover         the part of the cost the simulated balance can pay
     * @param remainingToFund     what other funders (or the person) must find
     */
    public record CoPayment(String ruleId, String ruleLabel, String source, BigDecimal amount, Exemption exemption,
            boolean amountMayBeOutdated, BigDecimal cpfCanCover, BigDecimal remainingToFund, String explanation) {
    }
}
