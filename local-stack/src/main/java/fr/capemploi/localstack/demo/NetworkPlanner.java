package fr.capemploi.localstack.demo;

import fr.capemploi.localstack.demo.NetworkPlan.AccompanimentPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ActionPlan;
import fr.capemploi.localstack.demo.NetworkPlan.Cohort;
import fr.capemploi.localstack.demo.NetworkPlan.ContactPlan;
import fr.capemploi.localstack.demo.NetworkPlan.CounsellorPlan;
import fr.capemploi.localstack.demo.NetworkPlan.CpfPlan;
import fr.capemploi.localstack.demo.NetworkPlan.DeclarationPlan;
import fr.capemploi.localstack.demo.NetworkPlan.DiagnosticPlan;
import fr.capemploi.localstack.demo.NetworkPlan.FundingPlan;
import fr.capemploi.localstack.demo.NetworkPlan.InterviewPlan;
import fr.capemploi.localstack.demo.NetworkPlan.PersonPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ProjectKind;
import fr.capemploi.localstack.demo.NetworkPlan.ProjectPlan;
import fr.capemploi.localstack.demo.NetworkPlan.StructurePlan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Builds the {@link NetworkPlan} of a scale and a seed. Every calibrated figure is an exact quota (see
 * {@link Quotas}); the seed only chooses who gets it and varies names, dates and the other attributes.
 *
 * <p>The story: structures registered in 2014; counsellors active since September 2014; people entering in 2015
 * (some leave in 2015, some in the first half of 2016, most stay) and in the first half of 2016. Portfolios are
 * built per referent so that present people with a referent divided by referents is exactly 170 at the end of 2015
 * and 161 at the end of June 2016. CEP accompaniments run in 87 structures; level-1 contacts are traced in 52;
 * 91 % of the counsellors have a CEP act in 2016-H1.
 */
public final class NetworkPlanner {

    public static final double MIN_SCALE = 0.002;
    public static final double MAX_SCALE = 2.0;

    static final LocalDate YEAR_2015 = LocalDate.of(2015, 1, 1);
    static final LocalDate END_2015 = LocalDate.of(2015, 12, 31);
    static final LocalDate START_2016 = LocalDate.of(2016, 1, 1);
    static final LocalDate END_H1_2016 = LocalDate.of(2016, 6, 30);
    static final LocalDate END_2016 = LocalDate.of(2016, 12, 31);

    /** Share of people present mid-2016 accompanied in the CEP (levels 2-3) during 2016-H1. */
    private static final double ACCOMPANIED_SHARE = 0.40;
    private static final int COUNSELLORS_AT_SCALE_1 = 830;
    private static final int ANONYMOUS_CONTACTS_AT_SCALE_1 = 6_000;
    private static final int NOT_IMPLEMENTED_AT_SCALE_1 = 1_200;
    private static final int ENGINEERED_AT_SCALE_1 = 2_500;
    private static final int SINGLE_FUNDER_AT_SCALE_1 = 2_000;

    private final double scale;
    private final long seed;

    /** A planner of the phases one by one, for their tests; {@link #plan} runs them all. */
    static NetworkPlanner of(double scale, long seed) {
        return new NetworkPlanner(scale, seed);
    }

    private NetworkPlanner(double scale, long seed) {
        this.scale = scale;
        this.seed = seed;
    }

    public static NetworkPlan plan(double scale, long seed) {
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be between " + MIN_SCALE + " and " + MAX_SCALE + ": " + scale);
        }
        return new NetworkPlanner(scale, seed).build();
    }

    private SplittableRandom random(String concern) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ concern.hashCode() * 0xC2B2AE3D27D4EB4FL);
    }

    // ------------------------------------------------------------------------------------------------- build

    private final List<StructurePlan> structures = new ArrayList<>();
    private final List<CounsellorPlan> counsellors = new ArrayList<>();
    /** counsellor indices per structure */
    private final List<List<Integer>> staff = new ArrayList<>();
    /** delivering counsellor indices per structure */
    private final List<List<Integer>> delivering = new ArrayList<>();

    /**
     * Phase 1, the directory: the structures with their size weight and code, and which of them record CEP
     * accompaniments, report a training not implemented and a new financial engineering (exact shares of the seed).
     * {@code order} is the draw that chose the CEP structures: the others come after {@code recording} in it.
     */
    record Directory(List<StructurePlan> structures, List<Double> weight, List<Integer> order, int recording,
            Set<Integer> cep, Set<Integer> notImplemented, Set<Integer> engineered) {

        Directory {
            structures = List.copyOf(structures);
            weight = List.copyOf(weight);
            order = List.copyOf(order);
            cep = Set.copyOf(cep);
            notImplemented = Set.copyOf(notImplemented);
            engineered = Set.copyOf(engineered);
        }

        int size() {
            return structures.size();
        }

        double[] weights() {
            return weight.stream().mapToDouble(Double::doubleValue).toArray();
        }

        List<Integer> cepList() {
            return cep.stream().sorted().toList();
        }
    }

    Directory directory() {
        int n = SeedFigures.STRUCTURES;
        SplittableRandom rnd = random("structures");
        List<Territory> territories = Territory.all();
        String prefix = codePrefix();
        List<StructurePlan> planned = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            Territory t = territories.get(s);
            double w = (t.populous() ? 1.9 : 1.0) * (0.6 + 0.8 * rnd.nextDouble());
            weight.add(w);
            String code = prefix + (t.department().length() == 2 ? "0" + t.department() : t.department())
                    + (s > 0 && territories.get(s - 1).department().equals(t.department()) ? "B" : "");
            planned.add(new StructurePlan(s, code, "Cap emploi " + t.city(), t.region(), t.department(),
                    LocalDate.of(2014, 1, 2).plusDays(rnd.nextInt(0, 250)), w));
        }
        List<Integer> order = shuffled(n, random("cep-structures"));
        int recording = Quotas.share(SeedFigures.RECORDING_CEP, n);
        Set<Integer> cep = Set.copyOf(order.subList(0, recording));
        List<Integer> cepList = cep.stream().sorted().toList();
        return new Directory(planned, weight, order, recording, cep,
                members(firstOf(shuffledOf(cepList, random("not-implemented")),
                        Quotas.share(SeedFigures.TRAINING_NOT_IMPLEMENTED, n))),
                members(firstOf(shuffledOf(cepList, random("engineered")),
                        Quotas.share(SeedFigures.NEW_FINANCIAL_ENGINEERING, n))));
    }

    /**
     * Phase 2, the staff: how many counsellors each structure has, who among them has CEP acts in 2016-H1 (exactly
     * the seed's share, the others in whole structures without CEP acts first, then one by one), the structures that
     * trace level-1 contacts, and the counsellors with their names.
     */
    record Staff(List<Integer> perStructure, Set<Integer> inactive, Set<Integer> level1,
            List<CounsellorPlan> counsellors, List<List<Integer>> staff, List<List<Integer>> delivering,
            int peoplePresent, int referents) {

        Staff {
            perStructure = List.copyOf(perStructure);
            inactive = Set.copyOf(inactive);
            level1 = Set.copyOf(level1);
            counsellors = List.copyOf(counsellors);
            staff = staff.stream().map(List::copyOf).toList();
            delivering = delivering.stream().map(List::copyOf).toList();
        }
    }

    Staff staff(Directory directory) {
        int n = directory.size();
        int recording = directory.recording();
        List<Integer> order = directory.order();
        int peoplePresent = (int) Math.round(SeedFigures.PEOPLE_IN_PORTFOLIOS * scale);
        int referents16 = Math.max(1, peoplePresent / SeedFigures.PORTFOLIO_2016);
        int totalCounsellors = Math.max(Math.max(n, referents16),
                (int) Math.round(COUNSELLORS_AT_SCALE_1 * scale));
        int[] perStructure = Quotas.apportion(totalCounsellors, directory.weights(), 1);
        int deliveringTotal = Quotas.share(SeedFigures.COUNSELLORS_DELIVERING, totalCounsellors);
        int notDelivering = totalCounsellors - deliveringTotal;
        // structures without any CEP act in 2016-H1: some non-CEP ones, as long as their staff fits the 9 %
        List<Integer> nonCep = order.subList(recording, n).stream()
                .sorted((a, b) -> perStructure[a] != perStructure[b] ? perStructure[a] - perStructure[b] : a - b)
                .collect(Collectors.toList());
        BitSet inactive = new BitSet();
        int inactiveStaff = 0;
        for (int s : nonCep) {
            if (inactiveStaff + perStructure[s] <= notDelivering) {
                inactive.set(s);
                inactiveStaff += perStructure[s];
            }
        }
        int tracing = Quotas.share(SeedFigures.TRACING_LEVEL1, n);
        BitSet level1 = new BitSet();
        nonCep.stream().filter(s -> !inactive.get(s)).forEach(level1::set);
        for (int s : shuffledOf(directory.cepList(), random("level1"))) {
            if (level1.cardinality() >= tracing) {
                break;
            }
            level1.set(s);
        }
        if (level1.cardinality() != tracing) {
            throw new IllegalStateException("cannot place level-1 tracing in " + tracing + " structures");
        }
        int[] silent = new int[n];
        int left = notDelivering - inactiveStaff;
        List<Integer> active = shuffled(n, random("silent")).stream().filter(s -> !inactive.get(s))
                .collect(Collectors.toList());
        while (left > 0) {
            boolean placed = false;
            for (int s : active) {
                if (left > 0 && silent[s] < perStructure[s] - 1) {
                    silent[s]++;
                    left--;
                    placed = true;
                }
            }
            if (!placed) {
                throw new IllegalStateException("cannot place " + left + " counsellors without CEP acts");
            }
        }
        SplittableRandom names = random("counsellor-names");
        List<CounsellorPlan> planned = new ArrayList<>();
        List<List<Integer>> staff = new ArrayList<>();
        List<List<Integer>> delivering = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            List<Integer> all = new ArrayList<>();
            List<Integer> acting = new ArrayList<>();
            int quiet = inactive.get(s) ? perStructure[s] : silent[s];
            for (int k = 0; k < perStructure[s]; k++) {
                int index = planned.size();
                boolean delivers = k >= quiet;
                boolean woman = names.nextInt(100) < 72;
                String name = pick(names, woman ? FrenchNames.WOMEN : FrenchNames.MEN) + " "
                        + pick(names, FrenchNames.LAST);
                planned.add(new CounsellorPlan(index, s, name, LocalDate.of(2014, 9, 1), delivers));
                all.add(index);
                if (delivers) {
                    acting.add(index);
                }
            }
            staff.add(all);
            delivering.add(acting);
        }
        return new Staff(Arrays.stream(perStructure).boxed().toList(), members(inactive), members(level1), planned,
                staff, delivering, peoplePresent, referents16);
    }

    /**
     * Phase, the anonymous level-1 contacts of 2016-H1 in the tracing structures: the seed's volume at scale, at
     * least one per structure, and in a structure without accompaniments one per acting counsellor at least.
     */
    List<ContactPlan> contacts(Directory directory, Staff workforce) {
        int n = directory.size();
        int[] contactMin = new int[n];
        int[] contactMax = new int[n];
        double[] contactWeight = new double[n];
        int contactFloor = 0;
        for (int s = 0; s < n; s++) {
            if (workforce.level1().contains(s)) {
                contactMin[s] = directory.cep().contains(s) ? 1 : Math.max(1, workforce.delivering().get(s).size());
                contactMax[s] = Integer.MAX_VALUE;
                contactWeight[s] = directory.weight().get(s);
                contactFloor += contactMin[s];
            }
        }
        int[] contactsPer = Quotas.apportion(Math.max(contactFloor,
                (int) Math.round(ANONYMOUS_CONTACTS_AT_SCALE_1 * scale)), contactWeight, contactMin, contactMax);
        List<ContactPlan> contacts = new ArrayList<>();
        SplittableRandom c = random("contacts");
        for (int s = 0; s < n; s++) {
            List<Integer> team = workforce.delivering().get(s);
            for (int k = 0; k < contactsPer[s]; k++) {
                contacts.add(contact(c, s, team.get(k % team.size()), day(c, LocalDate.of(2016, 1, 4), END_H1_2016)));
            }
        }
        return List.copyOf(contacts);
    }

    /**
     * Phase, the portfolios: who is where before the details. Present people with a referent per referent counsellor
     * are exactly 161 mid-2016 and 170 at the end of 2015 (people who stayed, left in 2016-H1 or entered in 2016), and
     * each structure with a 2015 portfolio had a few people leave in 2015. The referents are each structure's first counsellors: acting or
     * not, a portfolio is not a CEP act.
     */
    List<Draft> portfolios(Directory directory, Staff workforce) {
        int n = directory.size();
        double[] weight = directory.weights();
        int[] perStructure = workforce.perStructure().stream().mapToInt(Integer::intValue).toArray();
        int referents16 = workforce.referents();
        int[] referentsPerStructure = Quotas.apportion(referents16, weight, new int[n], perStructure);
        int referents15 = Math.max(1, Math.min(referents16, (int) Math.round(referents16
                * SeedFigures.TOTAL_FTE_2015.doubleValue() / SeedFigures.TOTAL_FTE_2016.doubleValue())));
        double[] referentWeights = Arrays.stream(referentsPerStructure).asDoubleStream().toArray();
        int[] referents15PerStructure = Quotas.apportion(referents15, referentWeights, new int[n],
                referentsPerStructure);
        List<Integer> referentList16 = new ArrayList<>();
        List<Integer> referentList15 = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            // referents are the structure's first counsellors: acting or not, a portfolio is not a CEP act
            for (int k = 0; k < referentsPerStructure[s]; k++) {
                referentList16.add(workforce.staff().get(s).get(k));
                if (k < referents15PerStructure[s]) {
                    referentList15.add(workforce.staff().get(s).get(k));
                }
            }
        }
        SplittableRandom sizes = random("portfolios");
        double[] w16 = referentList16.stream().mapToDouble(r -> 0.7 + 0.6 * sizes.nextDouble()).toArray();
        double[] w15 = referentList15.stream().mapToDouble(r -> 0.7 + 0.6 * sizes.nextDouble()).toArray();
        int[] present16 = Quotas.apportion((long) SeedFigures.PORTFOLIO_2016 * referents16, w16, 1);
        int[] present15 = Quotas.apportion((long) SeedFigures.PORTFOLIO_2015 * referents15, w15, 1);
        int[] byReferent15 = new int[workforce.counsellors().size()];
        for (int i = 0; i < referentList15.size(); i++) {
            byReferent15[referentList15.get(i)] = present15[i];
        }

        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < referentList16.size(); i++) {
            int r = referentList16.get(i);
            int s = workforce.counsellors().get(r).structure();
            int n16 = present16[i];
            int n15 = byReferent15[r];
            int stayed = n15 == 0 ? 0 : Math.min(n16, Math.max(1, (int) Math.round(0.88 * n15)));
            addDrafts(drafts, s, r, Cohort.STAYED, stayed);
            addDrafts(drafts, s, r, Cohort.LEFT_2016_H1, n15 - stayed);
            addDrafts(drafts, s, r, Cohort.ENTERED_2016, n16 - stayed);
        }
        for (int s = 0; s < n; s++) {
            int n15 = 0;
            for (int k = 0; k < referents15PerStructure[s]; k++) {
                n15 += byReferent15[workforce.staff().get(s).get(k)];
            }
            // only a structure that followed people in 2015 saw some of them leave: at small scales most have no
            // referent, and a leaver each (102 people, ~700 requests at 0.002) was a fifth of the load, read by no row
            int left2015 = n15 == 0 ? 0 : Math.max(1, (int) Math.round(0.07 * n15));
            for (int k = 0; k < left2015; k++) {
                List<Integer> team = workforce.staff().get(s);
                addDrafts(drafts, s, team.get(k % team.size()), Cohort.LEFT_2015, 1);
            }
        }
        return Collections.unmodifiableList(drafts);
    }

    /**
     * Phase, the CEP volumes per structure: trainings not implemented and new financial engineerings where the
     * directory says, accompanied people (the seed's share of those present, with the minimum each calibrated fact
     * needs), and the people without a referent, more of them where a structure lacks candidates. Its drafts are the
     * portfolios' and those, indexed in order.
     */
    record Volumes(List<Integer> notImplemented, List<Integer> engineered, List<Integer> accompanied,
            List<Integer> projectsNeeded, List<Draft> drafts) {

        Volumes {
            notImplemented = List.copyOf(notImplemented);
            engineered = List.copyOf(engineered);
            accompanied = List.copyOf(accompanied);
            projectsNeeded = List.copyOf(projectsNeeded);
            drafts = Collections.unmodifiableList(new ArrayList<>(drafts));
        }
    }

    Volumes volumes(Directory directory, Staff workforce, List<Draft> portfolios) {
        int n = directory.size();
        double[] weight = directory.weights();
        BitSet cep = bits(directory.cep());
        BitSet notImplemented = bits(directory.notImplemented());
        BitSet engineered = bits(directory.engineered());
        int peoplePresent = workforce.peoplePresent();
        List<Draft> drafts = new ArrayList<>(portfolios);
        int withoutReferent = peoplePresent - SeedFigures.PORTFOLIO_2016 * workforce.referents();
        int[] unreferred = Quotas.apportion(withoutReferent, weight, 0);

        int[] notImplementedPer = new int[n];
        int[] engineeredPer = new int[n];
        spread(notImplementedPer, notImplemented, Math.max(notImplemented.cardinality(),
                (int) Math.round(NOT_IMPLEMENTED_AT_SCALE_1 * scale)), weight);
        spread(engineeredPer, engineered, Math.max(engineered.cardinality(),
                (int) Math.round(ENGINEERED_AT_SCALE_1 * scale)), weight);
        int[] accompaniedMin = new int[n];
        int[] accompaniedMax = new int[n];
        double[] cepWeight = new double[n];
        int minimumSum = 0;
        for (int s = 0; s < n; s++) {
            if (cep.get(s)) {
                accompaniedMin[s] = Math.max(1, Math.max(workforce.delivering().get(s).size(),
                        notImplementedPer[s] + engineeredPer[s]));
                accompaniedMax[s] = Integer.MAX_VALUE;
                cepWeight[s] = weight[s];
                minimumSum += accompaniedMin[s];
            }
        }
        int accompaniedTotal = Math.max(minimumSum, (int) Math.round(ACCOMPANIED_SHARE * peoplePresent));
        int[] accompaniedPer = Quotas.apportion(accompaniedTotal, cepWeight, accompaniedMin, accompaniedMax);
        int[] projectsNeeded = new int[n];
        for (int s = 0; s < n; s++) {
            projectsNeeded[s] = notImplementedPer[s] + engineeredPer[s];
            // candidates present in 2016-H1; people who stay all the half-year take the projects
            int structure = s;
            long candidates = drafts.stream().filter(d -> d.structure == structure)
                    .filter(d -> d.cohort != Cohort.LEFT_2015).count();
            long longStay = drafts.stream().filter(d -> d.structure == structure)
                    .filter(d -> d.cohort == Cohort.STAYED || d.cohort == Cohort.ENTERED_2016).count();
            int extra = (int) Math.max(Math.max(0, accompaniedPer[s] - candidates - unreferred[s]),
                    Math.max(0, projectsNeeded[s] - longStay - unreferred[s]));
            unreferred[s] += extra;
        }
        for (int s = 0; s < n; s++) {
            addDrafts(drafts, s, -1, Cohort.ENTERED_2016, unreferred[s]);
        }
        for (int i = 0; i < drafts.size(); i++) {
            drafts.get(i).index = i;
        }
        return new Volumes(boxed(notImplementedPer), boxed(engineeredPer), boxed(accompaniedPer),
                boxed(projectsNeeded), drafts);
    }

    /**
     * Phase, who is accompanied: in each CEP structure, people who stay all the half-year take its projects first
     * (not implemented, then new financial engineering), then others present in 2016-H1 up to its volume; half of
     * those who left in 2015 had a 2015 accompaniment.
     */
    void accompaniment(Directory directory, Volumes volumes) {
        int n = directory.size();
        List<Draft> drafts = volumes.drafts();
        SplittableRandom who = random("accompanied");
        for (int s = 0; s < n; s++) {
            if (!directory.cep().contains(s)) {
                continue;
            }
            int structure = s;
            List<Draft> longStay = drafts.stream().filter(d -> d.structure == structure)
                    .filter(d -> d.cohort == Cohort.STAYED || d.cohort == Cohort.ENTERED_2016)
                    .collect(Collectors.toList());
            shuffle(longStay, who);
            List<Draft> chosen = new ArrayList<>(longStay.subList(0, volumes.projectsNeeded().get(s)));
            for (int k = 0; k < volumes.projectsNeeded().get(s); k++) {
                chosen.get(k).project = k < volumes.notImplemented().get(s) ? ProjectKind.NOT_IMPLEMENTED
                        : ProjectKind.NEW_FINANCIAL_ENGINEERING;
            }
            Set<Draft> taken = new HashSet<>(chosen);
            List<Draft> rest = drafts.stream().filter(d -> d.structure == structure)
                    .filter(d -> d.cohort != Cohort.LEFT_2015 && !taken.contains(d)).collect(Collectors.toList());
            shuffle(rest, who);
            chosen.addAll(rest.subList(0, volumes.accompanied().get(s) - chosen.size()));
            for (Draft d : chosen) {
                d.accompanied = true;
            }
            // a 2015 accompaniment, closed in 2015, for half of those who left in 2015
            drafts.stream().filter(d -> d.structure == structure && d.cohort == Cohort.LEFT_2015)
                    .filter(d -> who.nextInt(2) == 0).forEach(d -> d.accompanied2015 = true);
        }
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** Phase, the orientation: exactly 90 % of each year's entries come from Pôle emploi. */
    void orientation(List<Draft> drafts) {
        for (Cohort[] entering : List.of(new Cohort[] {Cohort.LEFT_2015, Cohort.LEFT_2016_H1, Cohort.STAYED},
                new Cohort[] {Cohort.ENTERED_2016})) {
            Set<Cohort> cohorts = Set.of(entering);
            List<Draft> entries = drafts.stream().filter(d -> cohorts.contains(d.cohort)).collect(Collectors.toList());
            Collections.shuffle(entries, new java.util.Random(seed ^ entering.length * 7919L));
            int viaPoleEmploi = Quotas.share(SeedFigures.VIA_POLE_EMPLOI, entries.size());
            for (int i = 0; i < entries.size(); i++) {
                entries.get(i).poleEmploi = i < viaPoleEmploi;
            }
        }
    }

    /**
     * Phase, the CPF steps: exact shares of the accompanied are presented the CPF, assisted to open their account and
     * consent; the people whose CPF funds a new financial engineering come first, so they consent before it starts.
     */
    void cpfSteps(List<Draft> accompanied) {
        int acc = accompanied.size();
        List<Draft> cpfOrder = new ArrayList<>(accompanied);
        shuffle(cpfOrder, random("cpf"));
        cpfOrder.sort((a, b) -> Boolean.compare(b.project == ProjectKind.NEW_FINANCIAL_ENGINEERING,
                a.project == ProjectKind.NEW_FINANCIAL_ENGINEERING));
        int presented = Quotas.share(SeedFigures.CPF_PRESENTED, acc);
        int consented = Quotas.share(SeedFigures.CPF_CONSENT, acc);
        for (int i = 0; i < acc; i++) {
            cpfOrder.get(i).presented = i < presented;
            cpfOrder.get(i).consented = i < consented;
        }
        List<Draft> assistedOrder = new ArrayList<>(cpfOrder.subList(0, presented));
        shuffle(assistedOrder, random("cpf-opening"));
        int assisted = Quotas.share(SeedFigures.CPF_OPENING_ASSISTED, acc);
        for (int i = 0; i < assistedOrder.size(); i++) {
            assistedOrder.get(i).assisted = i < assisted;
        }
    }

    /**
     * Phase, the PMSMP and alternance contracts of 2016 (by planned date / done date), the seed's volumes at scale,
     * among the accompanied people who stay all the half-year; a tenth of the PMSMP are renewed.
     */
    void actions2016(List<Draft> staying) {
        int pmsmp = Math.max(1, (int) Math.round(SeedFigures.PMSMP_2016 * scale));
        int renewals = (int) Math.round(0.1 * pmsmp);
        List<Draft> pmsmpOrder = new ArrayList<>(staying);
        shuffle(pmsmpOrder, random("pmsmp"));
        int pmsmpPeople = Math.min(pmsmp - renewals, pmsmpOrder.size());
        renewals = pmsmp - pmsmpPeople;
        for (int i = 0; i < pmsmpPeople; i++) {
            pmsmpOrder.get(i).pmsmp = i < renewals ? 2 : 1;
        }
        if (renewals > pmsmpPeople) {
            throw new IllegalStateException("too few accompanied people for " + pmsmp + " PMSMP");
        }
        int alternanceDone = Math.max(1, (int) Math.round(SeedFigures.ALTERNANCE_2016 * scale));
        int alternanceOther = (int) Math.round(0.12 * alternanceDone);
        List<Draft> alternanceOrder = new ArrayList<>(staying);
        shuffle(alternanceOrder, random("alternance"));
        if (alternanceOrder.size() < alternanceDone + alternanceOther) {
            throw new IllegalStateException("too few accompanied people for " + alternanceDone + " alternance contracts");
        }
        for (int i = 0; i < alternanceDone + alternanceOther; i++) {
            alternanceOrder.get(i).alternance = i < alternanceDone ? 1 : 2;
        }
    }

    private static Set<Integer> members(BitSet set) {
        return set.stream().boxed().collect(Collectors.toUnmodifiableSet());
    }

    private static BitSet bits(Set<Integer> members) {
        BitSet set = new BitSet();
        members.forEach(set::set);
        return set;
    }

    /** The phases in order; the people's stories and the declarations read what they decided. */
    private NetworkPlan build() {
        Directory directory = directory();
        structures.addAll(directory.structures());
        int n = directory.size();
        Staff workforce = staff(directory);
        counsellors.addAll(workforce.counsellors());
        staff.addAll(workforce.staff());
        delivering.addAll(workforce.delivering());
        BitSet level1 = bits(workforce.level1());

        Volumes volumes = volumes(directory, workforce, portfolios(directory, workforce));
        List<Draft> drafts = volumes.drafts();
        orientation(drafts);
        accompaniment(directory, volumes);

        List<Draft> accompanied = drafts.stream().filter(d -> d.accompanied).collect(Collectors.toList());
        List<Draft> staying = accompanied.stream().filter(d -> d.cohort != Cohort.LEFT_2016_H1)
                .collect(Collectors.toList());
        // trainings of a single funder, started, anywhere CEP is recorded
        List<Draft> free = new ArrayList<>(staying.stream().filter(d -> d.project == null).toList());
        shuffle(free, random("single-funder"));
        int singleFunder = Math.min(free.size(), (int) Math.round(SINGLE_FUNDER_AT_SCALE_1 * scale));
        free.subList(0, singleFunder).forEach(d -> d.project = ProjectKind.SINGLE_FUNDER);

        cpfSteps(accompanied);
        int acc = accompanied.size();
        List<Draft> informedOrder = new ArrayList<>(accompanied);
        shuffle(informedOrder, random("informed"));
        int informed = Quotas.share(SeedFigures.INFORMED_ABOUT_CEP, acc);
        for (int i = 0; i < acc; i++) {
            informedOrder.get(i).informed = i < informed;
        }

        actions2016(staying);

        List<ContactPlan> contacts = contacts(directory, workforce);

        // people in full
        SplittableRandom p = random("people");
        int[] referentTurn = new int[n];
        List<PersonPlan> people = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            people.add(person(d, p, level1.get(d.structure), referentTurn));
        }

        List<DeclarationPlan> declarations = new ArrayList<>();
        declarations.addAll(declarations2016(level1));
        declarations.addAll(declarations2015());
        return new NetworkPlan(scale, seed, List.copyOf(structures), List.copyOf(counsellors),
                List.copyOf(declarations), List.copyOf(contacts), List.copyOf(people));
    }

    /** Codes are unique in the directory: the seed's network gets its own (two base-36 characters). */
    private String codePrefix() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        long value = Math.floorMod(seed, 36L * 36L);
        return "D" + alphabet.charAt((int) (value / 36)) + alphabet.charAt((int) (value % 36));
    }

    // ----------------------------------------------------------------------------------------------- people

    /** A person being placed: cohort, structure, referent, and the quotas they fall in. */
    static final class Draft {
        int index;
        final int structure;
        final int referent;
        final Cohort cohort;
        boolean poleEmploi;
        boolean accompanied;
        boolean accompanied2015;
        boolean informed;
        boolean presented;
        boolean assisted;
        boolean consented;
        int pmsmp;
        int alternance;
        ProjectKind project;

        Draft(int structure, int referent, Cohort cohort) {
            this.structure = structure;
            this.referent = referent;
            this.cohort = cohort;
        }
    }

    private static void addDrafts(List<Draft> drafts, int structure, int referent, Cohort cohort, int count) {
        for (int i = 0; i < count; i++) {
            drafts.add(new Draft(structure, referent, cohort));
        }
    }

    private PersonPlan person(Draft d, SplittableRandom r, boolean tracesLevel1, int[] referentTurn) {
        StructurePlan structure = structures.get(d.structure);
        boolean woman = r.nextInt(100) < 46;
        String first = pick(r, woman ? FrenchNames.WOMEN : FrenchNames.MEN);
        String last = pick(r, FrenchNames.LAST);
        LocalDate entry;
        LocalDate exit = null;
        switch (d.cohort) {
            case LEFT_2015 -> {
                entry = day(r, LocalDate.of(2015, 1, 5), LocalDate.of(2015, 8, 31));
                exit = day(r, entry.plusDays(60), LocalDate.of(2015, 12, 18));
            }
            case LEFT_2016_H1 -> {
                entry = day(r, LocalDate.of(2015, 1, 5), LocalDate.of(2015, 12, 18));
                exit = day(r, LocalDate.of(2016, 1, 4), END_H1_2016);
            }
            case STAYED -> entry = day(r, LocalDate.of(2015, 1, 5), LocalDate.of(2015, 12, 18));
            default -> entry = day(r, LocalDate.of(2016, 1, 4), END_H1_2016);
        }
        boolean leavesLater = exit == null && !d.accompanied && r.nextInt(100) < 6;
        if (leavesLater) {
            exit = day(r, LocalDate.of(2016, 7, 1), LocalDate.of(2016, 12, 20));
        }
        LocalDate birth = LocalDate.of(1954 + r.nextInt(44), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String status = d.poleEmploi ? "JOB_SEEKER" : weighted(r, new String[] {"JOB_SEEKER", "PRIVATE_EMPLOYEE",
                "PUBLIC_SERVANT", "OTHER"}, 80, 10, 3, 7);
        String source = d.poleEmploi ? "POLE_EMPLOI" : weighted(r, new String[] {"MISSION_LOCALE", "SPONTANEOUS",
                "OTHER_CEP_OPERATOR", "OCCUPATIONAL_PHYSICIAN", "EMPLOYER", "APEC", "OPACIF", "OTHER"},
                25, 25, 10, 10, 5, 5, 5, 15);
        String boe = r.nextInt(100) < 93 ? weighted(r, new String[] {"RQTH", "INVALIDITY_PENSION", "AAH",
                "WORK_ACCIDENT_ANNUITY", "CMI_INVALIDITY"}, 78, 9, 7, 4, 2) : null;
        LocalDate boeFrom = boe == null ? null : entry.minusDays(30 + r.nextInt(1500));
        String qualification = weighted(r, new String[] {"NONE", "LEVEL_3", "LEVEL_4", "LEVEL_5", "LEVEL_6",
                "LEVEL_7"}, 22, 38, 22, 10, 6, 2);
        String franceTravailId = d.poleEmploi ? String.format("%07d%c", r.nextInt(10_000_000),
                (char) ('A' + r.nextInt(26))) : null;
        String exitReason = exit == null ? null : weighted(r, new String[] {"SUSTAINABLE_JOB", "TEMPORARY_JOB",
                "TRAINING", "MOVED", "REFERRED_ELSEWHERE", "HEALTH_OR_INACTIVITY", "DROPPED_OUT", "OTHER"},
                25, 15, 15, 5, 8, 12, 15, 5);

        List<Integer> team = delivering.get(d.structure);
        ContactPlan contact = null;
        if (tracesLevel1 && d.cohort == Cohort.ENTERED_2016 && r.nextInt(100) < 12) {
            contact = contact(r, d.structure, team.get(r.nextInt(team.size())), entry);
        }

        DiagnosticPlan diagnostic = null;
        AccompanimentPlan accompaniment = null;
        CpfPlan cpf = null;
        ProjectPlan project = null;
        if (d.accompanied || d.accompanied2015) {
            int referent;
            if (d.accompanied) {
                // the acting counsellors of the structure take the accompaniments in turn: each one has at least one
                referent = team.get(referentTurn[d.structure]++ % team.size());
            } else {
                List<Integer> all = staff.get(d.structure);
                referent = all.get(r.nextInt(all.size()));
            }
            Story story = story(d, r, entry, exit, referent);
            diagnostic = story.diagnostic;
            accompaniment = story.accompaniment;
            cpf = story.cpf;
            project = story.project;
        } else if (exit == null && r.nextInt(100) < 8) {
            // a diagnostic whose work axis is not CEP (disability-related barriers): no accompaniment follows
            List<Integer> all = staff.get(d.structure);
            diagnostic = new DiagnosticPlan(day(r, entry, min(entry.plusDays(30), END_2016)), "DISABILITY_BARRIERS",
                    barriers(r), all.get(r.nextInt(all.size())));
        }
        return new PersonPlan(d.index, d.structure, d.cohort, last, first, birth, woman ? "FEMALE" : "MALE", status,
                boe, boeFrom, qualification, 1 + r.nextInt(48), source, d.poleEmploi, franceTravailId, entry,
                d.referent, exit, exitReason, contact, diagnostic, accompaniment, cpf, project);
    }

    private record Story(DiagnosticPlan diagnostic, AccompanimentPlan accompaniment, CpfPlan cpf,
            ProjectPlan project) {
    }

    private Story story(Draft d, SplittableRandom r, LocalDate entry, LocalDate exit, int referent) {
        LocalDate start;
        LocalDate bound;
        if (d.accompanied2015) {
            start = day(r, entry.plusDays(3), entry.plusDays(20));
            bound = exit.minusDays(1);
        } else if (d.cohort == Cohort.ENTERED_2016) {
            start = day(r, entry, min(entry.plusDays(30), END_H1_2016));
            bound = END_2016;
        } else if (d.cohort == Cohort.LEFT_2016_H1) {
            start = day(r, entry.plusDays(7), min(entry.plusDays(90), exit));
            bound = exit;
        } else {
            start = day(r, entry.plusDays(7), entry.plusDays(90));
            bound = END_2016;
        }
        boolean training = d.project != null || r.nextInt(100) < 35;
        String axis = training ? "TRAINING_PROJECT" : "PROJECT_ELABORATION";
        int level = training ? 3 : 2;
        String service = training ? "TRAINING_PROJECT" : "PROJECT_ELABORATION_AND_VALIDATION";
        DiagnosticPlan diagnostic = new DiagnosticPlan(day(r, max(entry, start.minusDays(7)), start), axis,
                barriers(r), referent);
        LocalDate last = start;

        LocalDate levelChange = null;
        if (level == 2 && r.nextInt(100) < 15) {
            LocalDate on = start.plusDays(20 + r.nextInt(40));
            if (!on.isAfter(bound)) {
                levelChange = on;
                last = max(last, on);
            }
        }
        LocalDate informedOn = null;
        if (d.informed || d.accompanied2015 && r.nextInt(100) < 90) {
            LocalDate cap = d.accompanied2015 ? bound : min(bound, END_H1_2016);
            informedOn = min(start.plusDays(r.nextInt(15)), cap);
            last = max(last, informedOn);
        }
        List<InterviewPlan> interviews = new ArrayList<>();
        LocalDate on = start;
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            if (on.isAfter(bound)) {
                break;
            }
            interviews.add(new InterviewPlan(on, 30 + 15 * r.nextInt(5), weighted(r, new String[] {"ON_SITE",
                    "PHONE", "VIDEO", "OFF_SITE"}, 70, 20, 5, 5)));
            last = max(last, on);
            on = on.plusDays(10 + r.nextInt(30));
        }

        List<ActionPlan> actions = new ArrayList<>();
        LocalDate from2016 = max(start, LocalDate.of(2016, 1, 4));
        if (d.pmsmp > 0) {
            LocalDate planned = day(r, from2016, LocalDate.of(2016, 10, 15));
            LocalDate begin = planned.plusDays(3 + r.nextInt(12));
            LocalDate end = min(begin.plusDays(13 + r.nextInt(16)), begin.plusMonths(1).minusDays(1));
            String purpose = weighted(r, new String[] {"DISCOVER_JOB", "CONFIRM_PROJECT", "START_RECRUITMENT"},
                    45, 35, 20);
            String host = "PMSMP " + pick(r, HOSTS);
            if (d.pmsmp == 2) {
                actions.add(new ActionPlan("PMSMP", host, planned, begin, end, purpose, null, -1, "DONE", end));
                LocalDate again = end.plusDays(1);
                LocalDate againEnd = min(again.plusDays(7 + r.nextInt(20)), again.plusMonths(1).minusDays(1));
                boolean done = r.nextInt(100) < 70;
                actions.add(new ActionPlan("PMSMP", host + " (renouvellement)", end, again, againEnd, purpose, null,
                        actions.size() - 1, done ? "DONE" : null, done ? againEnd : null));
                last = max(last, againEnd);
            } else {
                int fate = r.nextInt(100);
                String settlement = fate < 80 ? "DONE" : fate < 88 ? "CANCELLED" : null;
                LocalDate settled = settlement == null ? null : "DONE".equals(settlement) ? end : begin.minusDays(1);
                actions.add(new ActionPlan("PMSMP", host, planned, begin, end, purpose, null, -1, settlement, settled));
                last = max(last, settled == null ? planned : settled);
            }
        }
        if (d.alternance > 0) {
            LocalDate planned = day(r, from2016, LocalDate.of(2016, 11, 30));
            String contract = r.nextInt(100) < 62 ? "PROFESSIONALISATION" : "APPRENTICESHIP";
            String settlement = d.alternance == 1 ? "DONE" : r.nextInt(2) == 0 ? "CANCELLED" : null;
            LocalDate settled = settlement == null ? null : min(planned.plusDays(5 + r.nextInt(26)), END_2016);
            actions.add(new ActionPlan("ALTERNANCE", "APPRENTICESHIP".equals(contract) ? "Contrat d'apprentissage"
                    : "Contrat de professionnalisation", planned, null, null, null, contract, -1, settlement, settled));
            last = max(last, settled == null ? planned : settled);
        }

        CpfPlan cpf = null;
        if (d.presented) {
            LocalDate presented = min(start.plusDays(r.nextInt(22)), END_H1_2016);
            String opening = null;
            LocalDate openingOn = null;
            if (d.assisted) {
                opening = "ASSISTED";
                openingOn = min(presented.plusDays(r.nextInt(15)), END_H1_2016);
            } else if (r.nextInt(2) == 0) {
                opening = "ALREADY_OPEN";
                openingOn = presented;
            }
            LocalDate consentOn = d.consented ? min(presented.plusDays(r.nextInt(22)), END_H1_2016) : null;
            String modality = d.consented ? weighted(r, new String[] {"SIGNED_STANDARD_LETTER",
                    "INTERVIEW_SYNTHESIS_GIVEN", "CPF_SYSTEM_SCREENSHOT", "AIF_REQUEST_SIGNATURE",
                    "COLLECTED_BY_POLE_EMPLOI"}, 35, 25, 15, 15, 10) : null;
            cpf = new CpfPlan(presented, opening, openingOn, consentOn, modality);
        }

        ProjectPlan project = null;
        if (d.project != null) {
            project = project(d, r, structures.get(d.structure), from2016, cpf);
            LocalDate planned = project.funding().get(0).requestedOn();
            LocalDate settled = project.notImplementedOn() != null ? project.notImplementedOn() : project.startedOn();
            String settlement = project.notImplementedOn() != null ? "CANCELLED"
                    : project.startedOn() != null ? "DONE" : null;
            actions.add(new ActionPlan("TRAINING", project.title(), planned, null, null, null, null, -1,
                    settlement, settled));
            last = max(last, settled == null ? planned : settled);
        }

        LocalDate synthesis = null;
        LocalDate closed = null;
        String outcome = null;
        if (d.accompanied2015 || d.cohort == Cohort.LEFT_2016_H1) {
            closed = exit;
        } else if (r.nextInt(100) < 45) {
            LocalDate candidate = last.plusDays(5 + r.nextInt(36));
            if (!candidate.isAfter(END_2016)) {
                closed = candidate;
            }
        }
        if (closed != null) {
            outcome = weighted(r, new String[] {"ENGAGE_PROJECT", "START_TRAINING", "JOB_SEARCH", "KEEP_SITUATION",
                    "NONE_OR_ABANDON"}, 30, 20, 25, 10, 15);
            if (r.nextInt(100) < 70 && !closed.isBefore(last)) {
                synthesis = closed;
            }
            if (closed.isBefore(last)) {
                throw new IllegalStateException("closure before the last act of person " + d.index);
            }
        }
        AccompanimentPlan accompaniment = new AccompanimentPlan(start, level, service, referent, levelChange,
                informedOn, List.copyOf(interviews), List.copyOf(actions), synthesis, closed, outcome);
        return new Story(diagnostic, accompaniment, cpf, project);
    }

    private static final List<String> HOSTS = List.of("Logistique du Val", "Boulangerie Martin", "Mairie",
            "EHPAD Les Tilleuls", "Garage Central", "Supermarché du Centre", "Imprimerie Moderne", "Clinique Saint-Roch",
            "Espaces Verts Services", "Transports Régionaux");
    private static final List<String[]> TRAININGS = List.of(
            new String[] {"Titre professionnel Secrétaire assistant", "RNCP"},
            new String[] {"Titre professionnel Agent magasinier", "RNCP"},
            new String[] {"Titre professionnel Comptable assistant", "RNCP"},
            new String[] {"Titre professionnel Conseiller relation client à distance", "RNCP"},
            new String[] {"CAP Agent polyvalent de restauration", "RNCP"},
            new String[] {"Certificat CléA", "CLEA"},
            new String[] {"Permis de conduire B", "DRIVING_LICENCE"},
            new String[] {"Bilan de compétences", "SKILLS_ASSESSMENT"},
            new String[] {"Habilitation électrique", "RS"});
    private static final List<String> BODIES = List.of("AFPA", "GRETA", "CNAM", "IFPA", "Centre de rééducation "
            + "professionnelle", "CCI Formation", "ENI Formation", "Auto-école ECF");

    private ProjectPlan project(Draft d, SplittableRandom r, StructurePlan structure, LocalDate from2016,
            CpfPlan cpf) {
        String[] training = TRAININGS.get(r.nextInt(TRAININGS.size()));
        String kind = training[1];
        String code = switch (kind) {
            case "RNCP" -> "RNCP" + (1000 + r.nextInt(30000));
            case "RS" -> "RS" + (1000 + r.nextInt(5000));
            default -> null;
        };
        String list = r.nextInt(100) < 60 ? "COPAREF" : "COPANEF";
        int hours = "DRIVING_LICENCE".equals(kind) ? 35 : 70 + 35 * r.nextInt(24);
        BigDecimal cost = BigDecimal.valueOf(hours).multiply(BigDecimal.valueOf(9 + r.nextInt(8)))
                .setScale(2, RoundingMode.UNNECESSARY);
        String body = pick(r, BODIES) + " " + structure.name().substring("Cap emploi ".length());
        List<FundingPlan> funding = new ArrayList<>();
        LocalDate startedOn = null;
        LocalDate completedOn = null;
        LocalDate notImplementedOn = null;
        List<String> reasons = List.of();
        LocalDate trainingStart;
        switch (d.project) {
            case NOT_IMPLEMENTED -> {
                // the refusal and the outcome fall in 2016-H1, whenever the accompaniment started
                LocalDate requested = day(r, from2016, max(from2016, LocalDate.of(2016, 5, 10)));
                LocalDate answered = min(requested.plusDays(10 + r.nextInt(31)), END_H1_2016);
                funding.add(new FundingPlan("AIF_POLE_EMPLOI", cost, null, requested, "REFUSED", null, "NO_BUDGET",
                        answered));
                notImplementedOn = min(answered.plusDays(1 + r.nextInt(10)), END_H1_2016);
                List<String> all = new ArrayList<>(List.of("NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS",
                        "TRAINING_LONGER_THAN_ONE_YEAR", "NOT_CPF_ELIGIBLE_NO_INDIVIDUAL_FUNDING",
                        "SLOW_CO_FUNDING_ANSWERS", "COST_TOO_HIGH", "FUNDER_QUESTIONED_PROJECT"));
                reasons = r.nextInt(100) < 55 ? List.of(all.get(0))
                        : List.of(all.get(0), all.get(1 + r.nextInt(all.size() - 1)));
                trainingStart = notImplementedOn.plusDays(30);
            }
            case NEW_FINANCIAL_ENGINEERING -> {
                // the CPF and another funder together: the first decision (the CPF's) falls in 2016-H1
                LocalDate requested = day(r, from2016, max(from2016, LocalDate.of(2016, 5, 20)));
                LocalDate cpfAnswer = min(requested.plusDays(7 + r.nextInt(24)), END_H1_2016);
                int cpfHours = Math.min(hours, 150);
                BigDecimal cpfAmount = BigDecimal.valueOf(cpfHours).multiply(BigDecimal.valueOf(9))
                        .min(cost).setScale(2, RoundingMode.UNNECESSARY);
                BigDecimal other = cost.subtract(cpfAmount);
                String funder = weighted(r, new String[] {"AGEFIPH", "AIF_POLE_EMPLOI", "REGION", "FIPHFP", "OPCA"},
                        40, 25, 20, 8, 7);
                if (other.signum() <= 0) {
                    other = cost.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
                }
                LocalDate otherRequested = requested.plusDays(r.nextInt(8));
                LocalDate otherAnswer = max(cpfAnswer, otherRequested).plusDays(r.nextInt(31));
                boolean partly = r.nextInt(100) < 30;
                BigDecimal granted = partly ? other.multiply(new BigDecimal("0.60")).setScale(2, RoundingMode.HALF_UP)
                        : other;
                funding.add(new FundingPlan("CPF", cpfAmount, cpfHours, requested, "GRANTED", cpfAmount, null,
                        cpfAnswer));
                funding.add(new FundingPlan(funder, other, null, otherRequested, partly ? "PARTLY_GRANTED" : "GRANTED",
                        granted, null, otherAnswer));
                startedOn = max(otherAnswer, cpf.consentOn()).plusDays(7 + r.nextInt(24));
                trainingStart = startedOn;
            }
            default -> {
                LocalDate requested = day(r, from2016, LocalDate.of(2016, 10, 31));
                LocalDate answered = requested.plusDays(7 + r.nextInt(35));
                String funder = weighted(r, new String[] {"AIF_POLE_EMPLOI", "AGEFIPH", "REGION"}, 45, 35, 20);
                funding.add(new FundingPlan(funder, cost, null, requested, "GRANTED", cost, null, answered));
                startedOn = answered.plusDays(7 + r.nextInt(21));
                trainingStart = startedOn;
            }
        }
        if (startedOn != null && startedOn.isAfter(END_2016)) {
            startedOn = null;
        }
        int weeks = Math.max(1, hours / 35);
        LocalDate trainingEnd = trainingStart.plusWeeks(weeks);
        if (startedOn != null && trainingEnd.isBefore(END_2016) && r.nextInt(100) < 60) {
            completedOn = trainingEnd;
        }
        return new ProjectPlan(d.project, training[0], kind, code, list, "COPAREF".equals(list) ? structure.region()
                : null, body, trainingStart, trainingEnd, hours, cost, List.copyOf(funding), startedOn, completedOn,
                notImplementedOn, reasons);
    }

    private ContactPlan contact(SplittableRandom r, int structure, int counsellor, LocalDate on) {
        String channel = weighted(r, new String[] {"ON_SITE", "PHONE", "REMOTE"}, 45, 45, 10);
        String request = weighted(r, new String[] {"CEP_INFORMATION", "CPF_INFORMATION", "TRAINING_INFORMATION",
                "JOB_INFORMATION", "OTHER"}, 25, 25, 25, 20, 5);
        String routed = r.nextInt(100) < 30 ? weighted(r, new String[] {"POLE_EMPLOI", "MISSION_LOCALE", "APEC",
                "OPACIF", "OTHER_CAP_EMPLOI", "REGIONAL_CEP_OPERATOR"}, 35, 20, 10, 20, 5, 10) : null;
        return new ContactPlan(structure, counsellor, on, channel, request, routed, routed != null && r.nextInt(2) == 0);
    }

    private static List<String> barriers(SplittableRandom r) {
        List<String> all = List.of("HEALTH", "MOBILITY", "QUALIFICATION", "INACTIVITY_LENGTH", "DIGITAL", "LANGUAGE",
                "SOCIAL");
        List<String> chosen = new ArrayList<>();
        for (String barrier : all) {
            if (r.nextInt(100) < (barrier.equals("HEALTH") ? 70 : 20)) {
                chosen.add(barrier);
            }
        }
        return List.copyOf(chosen);
    }

    // ---------------------------------------------------------------------------------------- declarations

    private List<DeclarationPlan> declarations2016(BitSet level1) {
        List<Integer> declaring = declaring("2016", SeedFigures.DECLARING_2016);
        int d = declaring.size();
        BigDecimal[][] fte = splitFte(declaring, SeedFigures.FTE_2016, random("fte-2016"));
        SplittableRandom r = random("declarations-2016");
        // yes answers as exact quotas; structures that trace level 1 say they deliver it
        List<Integer> ordered = new ArrayList<>(IntStream.range(0, d).boxed().toList());
        shuffle(ordered, r);
        ordered.sort((a, b) -> Boolean.compare(level1.get(declaring.get(b)), level1.get(declaring.get(a))));
        boolean[] level1Delivered = firstFlags(ordered, Quotas.share(SeedFigures.DECLARING_LEVEL1, d), d);
        boolean[] engaged = flags(r, d, Quotas.share(SeedFigures.PROFESSIONALISATION, d));
        boolean[] systematic = flags(r, d, Quotas.share(SeedFigures.SYSTEMATIC_TRAINING, d));
        boolean[] noNewFunder = flags(r, d, Quotas.share(SeedFigures.NO_NEW_FUNDER, d));
        boolean[] fit = flags(r, d, Quotas.share(SeedFigures.TRAININGS_FIT_NEEDS, d));
        boolean[] mastered = flags(r, d, Quotas.share(SeedFigures.CPF_RULES_MASTERED, d));
        boolean[] spro = flags(r, d, Quotas.share(SeedFigures.SPRO_TOOLS, d));
        boolean[] kit = flags(r, d, Quotas.share(SeedFigures.CEP_KIT_INTERNAL, d));
        // at least one CEP training = an action engaged or training days: the structures without actions that
        // still trained are chosen so that the share is exact
        int atLeastOne = Quotas.share(SeedFigures.AT_LEAST_ONE_TRAINING, d);
        int engagedCount = Quotas.countSet(engaged);
        List<Integer> notEngaged = IntStream.range(0, d).filter(i -> !engaged[i]).boxed().collect(Collectors.toList());
        int trainedWithoutActions = Math.max(0, atLeastOne - engagedCount);
        Set<Integer> dayAnswers = new HashSet<>(notEngaged.subList(0, trainedWithoutActions));
        List<Integer> engagedList = IntStream.range(0, d).filter(i -> engaged[i]).boxed().collect(Collectors.toList());
        shuffle(engagedList, r);
        for (int i : engagedList) {
            if (dayAnswers.size() >= SeedFigures.TRAINING_DAYS_STRUCTURES) {
                break;
            }
            dayAnswers.add(i);
        }
        List<Integer> days = dayAnswers.stream().sorted().collect(Collectors.toList());
        double[] dayWeights = days.stream().mapToDouble(i -> structures.get(declaring.get(i)).weight()).toArray();
        int[] trained = Quotas.apportion(Math.round(SeedFigures.TRAINING_DAYS.doubleValue()
                / SeedFigures.DAYS_PER_COUNSELLOR.doubleValue()), dayWeights, 1);
        // days proportional to the counsellors trained, in hundredths, at least half a day each
        double[] perTrained = Arrays.stream(trained).asDoubleStream().toArray();
        int[] hundredths = Quotas.apportion(SeedFigures.TRAINING_DAYS.movePointRight(2).longValueExact(), perTrained,
                50);
        // the mutualised-offer question: answered by 64; "yes" for exactly 41 % of them
        List<Integer> answering = IntStream.range(0, d).boxed().collect(Collectors.toList());
        shuffle(answering, r);
        int answers = Math.min(d, SeedFigures.MUTUALISED_OFFER_ANSWERS);
        int used = Quotas.share(SeedFigures.MUTUALISED_OFFER, answers);
        Boolean[] mutualised = new Boolean[d];
        for (int k = 0; k < answers; k++) {
            mutualised[answering.get(k)] = k < used;
        }
        List<DeclarationPlan> plans = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            int dayIndex = days.indexOf(i);
            plans.add(new DeclarationPlan(declaring.get(i), "2016-H1", fte[0][i], fte[1][i], fte[2][i], fte[3][i],
                    engaged[i], engaged[i] ? actions(r) : List.of(), systematic[i],
                    dayIndex < 0 ? null : BigDecimal.valueOf(hundredths[dayIndex], 2),
                    dayIndex < 0 ? null : trained[dayIndex], mutualised[i],
                    Boolean.TRUE.equals(mutualised[i]) ? natures(r) : List.of(), level1Delivered[i], fit[i],
                    mastered[i], !noNewFunder[i], spro[i], kit[i]));
        }
        return plans;
    }

    private List<DeclarationPlan> declarations2015() {
        List<Integer> declaring = declaring("2015", SeedFigures.DECLARING_2015);
        int d = declaring.size();
        BigDecimal[][] fte = splitFte(declaring, SeedFigures.FTE_2015, random("fte-2015"));
        SplittableRandom r = random("declarations-2015");
        boolean[] engaged = flags(r, d, Quotas.share(0.70, d));
        boolean[] systematic = flags(r, d, Quotas.share(0.35, d));
        boolean[] level1 = flags(r, d, Quotas.share(0.60, d));
        boolean[] newFunders = flags(r, d, Quotas.share(0.12, d));
        List<DeclarationPlan> plans = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            boolean days = engaged[i] && r.nextInt(100) < 75;
            int trainedCount = 1 + r.nextInt(3);
            plans.add(new DeclarationPlan(declaring.get(i), "2015", fte[0][i], fte[1][i], fte[2][i], fte[3][i],
                    engaged[i], engaged[i] ? actions(r) : List.of(), systematic[i],
                    days ? BigDecimal.valueOf(trainedCount * (150 + r.nextInt(200)), 2) : null,
                    days ? trainedCount : null, r.nextInt(100) < 30, List.of(), level1[i], r.nextInt(100) < 70,
                    r.nextInt(100) < 75, newFunders[i], r.nextInt(100) < 40, r.nextInt(100) < 70));
        }
        // mutualised offers need their nature
        List<DeclarationPlan> fixed = new ArrayList<>();
        for (DeclarationPlan plan : plans) {
            fixed.add(Boolean.TRUE.equals(plan.mutualisedOfferUsed()) ? withNatures(plan, List.of("SPRO")) : plan);
        }
        return fixed;
    }

    /** The structures declaring for a period: a seeded draw of that many, in index order. */
    private List<Integer> declaring(String period, int count) {
        return shuffled(SeedFigures.STRUCTURES, random("declaring-" + period)).subList(0, count).stream().sorted()
                .collect(Collectors.toList());
    }

    private static DeclarationPlan withNatures(DeclarationPlan p, List<String> natures) {
        return new DeclarationPlan(p.structure(), p.period(), p.level1Only(), p.levels2And3Only(), p.allLevels(),
                p.support(), p.actionsEngaged(), p.actions(), p.systematicTraining(), p.trainingDays(),
                p.counsellorsTrained(), p.mutualisedOfferUsed(), natures, p.level1Delivered(), p.trainingsFitNeeds(),
                p.cpfRulesMastered(), p.newFundersUsed(), p.sproToolsDeveloped(), p.cepKitUsedInternally());
    }

    /** Each FTE total split over the declaring structures in hundredths, by size: the sums are exact. */
    private BigDecimal[][] splitFte(List<Integer> declaring, BigDecimal[] totals, SplittableRandom r) {
        double[] weights = declaring.stream().mapToDouble(s -> structures.get(s).weight() * (0.8 + 0.4 * r.nextDouble()))
                .toArray();
        BigDecimal[][] parts = new BigDecimal[totals.length][declaring.size()];
        for (int k = 0; k < totals.length; k++) {
            int[] hundredths = Quotas.apportion(totals[k].movePointRight(2).longValueExact(), weights, 0);
            for (int i = 0; i < declaring.size(); i++) {
                parts[k][i] = BigDecimal.valueOf(hundredths[i], 2);
            }
        }
        return parts;
    }

    private static List<String> actions(SplittableRandom r) {
        // seed: 60 structures trained by the AFPA, 53 internally, 25 by HANDI FORMATION
        return drawn(r, new Chance("AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING", 75),
                new Chance("REGIONAL_AGEFIPH_FIPHFP_TRAINING", 30), new Chance("HANDI_FORMATION", 31),
                new Chance("INTERNAL_WITH_CEP_KIT", 66));
    }

    private static List<String> natures(SplittableRandom r) {
        return drawn(r, new Chance("SPRO", 60), new Chance("CARIF_OREF", 40),
                new Chance("INTER_OPERATOR_CROSS_KNOWLEDGE", 25));
    }

    /** An answer of a declaration's multiple choice, taken with its chance in percent. */
    private record Chance(String option, int percent) {
    }

    /**
     * Each option taken with its own chance, in order; the last one also when none of the others was (a declaration
     * names at least one). One draw per option, always, so a seed gives the same plan as before.
     */
    private static List<String> drawn(SplittableRandom r, Chance... chances) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < chances.length; i++) {
            boolean last = i == chances.length - 1;
            if (r.nextInt(100) < chances[i].percent() || last && chosen.isEmpty()) {
                chosen.add(chances[i].option());
            }
        }
        return List.copyOf(chosen);
    }

    // -------------------------------------------------------------------------------------------- helpers

    private void spread(int[] target, BitSet members, int total, double[] weight) {
        double[] w = new double[target.length];
        int[] min = new int[target.length];
        int[] max = new int[target.length];
        members.stream().forEach(s -> {
            w[s] = weight[s];
            min[s] = 1;
            max[s] = Integer.MAX_VALUE;
        });
        int[] parts = Quotas.apportion(total, w, min, max);
        System.arraycopy(parts, 0, target, 0, parts.length);
    }

    private static boolean[] flags(SplittableRandom r, int n, int yes) {
        List<Integer> order = shuffled(n, r);
        return firstFlags(order, yes, n);
    }

    private static boolean[] firstFlags(List<Integer> order, int yes, int n) {
        boolean[] flags = new boolean[n];
        for (int k = 0; k < yes; k++) {
            flags[order.get(k)] = true;
        }
        return flags;
    }

    private static BitSet firstOf(List<Integer> order, int count) {
        BitSet set = new BitSet();
        order.subList(0, count).forEach(set::set);
        return set;
    }

    static List<Integer> shuffled(int n, SplittableRandom r) {
        List<Integer> list = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        shuffle(list, r);
        return list;
    }

    private static List<Integer> shuffledOf(List<Integer> items, SplittableRandom r) {
        List<Integer> list = new ArrayList<>(items);
        shuffle(list, r);
        return list;
    }

    /** Fisher-Yates with the given generator (Collections.shuffle takes a java.util.Random only). */
    static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, r.nextInt(i + 1));
        }
    }

    private static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static String weighted(SplittableRandom r, String[] values, int... weights) {
        int total = Arrays.stream(weights).sum();
        int x = r.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** A working day between two dates (both included); a weekend day moves to the nearest weekday inside. */
    static LocalDate day(SplittableRandom r, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return from;
        }
        long span = ChronoUnit.DAYS.between(from, to);
        LocalDate d = from.plusDays(span == 0 ? 0 : r.nextLong(span + 1));
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
            d = d.minusDays(1).isBefore(from) ? min(d.plusDays(2), to) : d.minusDays(1);
        } else if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1).isAfter(to) ? max(d.minusDays(2), from) : d.plusDays(1);
        }
        return d;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
