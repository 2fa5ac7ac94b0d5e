package fr.capemploi.localstack.demo;

import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.TokenMinter;
import fr.capemploi.localstack.demo.DemoHttp.Answer;
import fr.capemploi.localstack.demo.DemoHttp.DemoFailure;
import fr.capemploi.localstack.demo.NetworkPlan.AccompanimentPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ActionPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ContactPlan;
import fr.capemploi.localstack.demo.NetworkPlan.CounsellorPlan;
import fr.capemploi.localstack.demo.NetworkPlan.CpfPlan;
import fr.capemploi.localstack.demo.NetworkPlan.DeclarationPlan;
import fr.capemploi.localstack.demo.NetworkPlan.FundingPlan;
import fr.capemploi.localstack.demo.NetworkPlan.InterviewPlan;
import fr.capemploi.localstack.demo.NetworkPlan.PersonPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ProjectPlan;
import fr.capemploi.localstack.demo.NetworkPlan.StructurePlan;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Loads a {@link NetworkPlan} into a running suite through its public REST API only, with the roles a real network
 * would use: the administrator registers structures and counsellors, Pôle emploi (partner) refers most people,
 * counsellors record the CEP and CPF work of their structure, managers declare the CNEFOP figures. People are loaded
 * in parallel (a bounded pool), each person's steps in order. Every POST carries an Idempotency-Key derived from
 * the seed, the scale and the entity's logical name, and repeated steps answered 409 ("already done") are accepted:
 * a second run, or a run resumed after Ctrl-C, sends the same requests and adds nothing.
 */
public final class DemoLoad {

    private static final Set<Integer> CREATED = Set.of(200, 201);
    private static final Set<Integer> DONE_OR_ALREADY = Set.of(200, 201, 204, 409);
    /**
     * People between an entry and the follow-ups queued after it (see {@link #people}): their requests take seconds,
     * the announcements milliseconds.
     */
    private static final int PEOPLE_LAG_MIN = 500;
    private static final int PEOPLE_LAG_PER_THREAD = 25;
    /** Tasks queued or running per thread of the pool. */
    private static final int QUEUED_PER_THREAD = 8;

    /** Where the suite answers and how to sign its tokens. */
    public record Target(Map<SuiteService, URI> services, TokenMinter tokens) {
        URI uri(SuiteService service, String path) {
            return services.get(service).resolve(path);
        }
    }

    /** What a load did. */
    public record Outcome(long requests, long replayed, long retried, long failures, Duration duration,
            List<String> firstFailures) {
        public double requestsPerSecond() {
            return duration.toMillis() == 0 ? 0 : requests * 1000.0 / duration.toMillis();
        }
    }

    private final Target target;
    private final NetworkPlan plan;
    private final int concurrency;
    private final PrintStream out;
    private final DemoHttp http;
    private final UUID[] structureIds;
    /** Structures this run registered: nothing can have been declared for them before it. */
    private final boolean[] registeredByThisRun;
    private final UUID[] counsellorIds;
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> firstFailures = new ArrayList<>();
    private LoadProgress progress;

    DemoLoad(Target target, NetworkPlan plan, int concurrency, PrintStream out, DemoHttp http) {
        this.target = target;
        this.http = http;
        this.plan = plan;
        this.concurrency = concurrency;
        this.out = out;
        this.structureIds = new UUID[plan.structures().size()];
        this.registeredByThisRun = new boolean[plan.structures().size()];
        this.counsellorIds = new UUID[plan.counsellors().size()];
    }

    /** Sends the whole plan; returns once every request was answered (or failed after its retries). */
    public Outcome load(boolean redraw) {
        long started = System.nanoTime();
        progress = new LoadProgress(out, redraw, plan.requestEstimate(), http::sent);
        progress.start();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "demo-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            registerStructures();
            runAll(pool, plan.counsellors(), this::registerCounsellor);
            runAll(pool, plan.declarations(), this::declare);
            List<Integer> contacts = java.util.stream.IntStream.range(0, plan.anonymousContacts().size()).boxed()
                    .toList();
            runAll(pool, contacts, i -> contact(plan.anonymousContacts().get(i), null, "contact-" + i));
            people(pool);
        } finally {
            pool.shutdownNow();
            progress.stop();
        }
        return new Outcome(http.sent(), http.replayed(), http.retried(), failures.get(),
                Duration.ofNanos(System.nanoTime() - started), List.copyOf(firstFailures));
    }

    private <T> void runAll(ExecutorService pool, List<T> items, Consumer<T> step) {
        List<Future<?>> futures = new ArrayList<>(items.size());
        Semaphore queued = queueBound();
        for (T item : items) {
            futures.add(submitQueued(pool, queued, () -> {
                step.accept(item);
                return null;
            }));
        }
        awaitAll(futures);
    }

    /** At most {@link #QUEUED_PER_THREAD} tasks per thread of the pool queued or running. */
    private Semaphore queueBound() {
        return new Semaphore(QUEUED_PER_THREAD * concurrency);
    }

    /**
     * People go through a sliding lag: a person's follow-ups (cep, cpf, exit) are queued right after the entry at
     * beneficiary-service of the person {@code lag} places further on. cep- and cpf-service learn of a person from
     * {@code beneficiary.events}; a request sent right after the registration, as a person's steps in a row did, found
     * them unknown yet and waited in the service (a look at its table every 100 ms, 5 s at most, then a 404 the
     * loader retried), holding one of the loader's threads. {@code lag} entries later the announcement has long
     * arrived. The pool takes tasks in the order they are queued, so entries and follow-ups stay interleaved and
     * beneficiary-service and cep/cpf-service are busy at once, not in turn. Each person's steps keep their order: a
     * person's follow-ups start once their entry is answered.
     *
     * <p>There is no barrier between groups of people: with windows of 600 people awaited whole (until 2026-12-07),
     * each window ended on its few longest follow-ups with most of the loader's threads idle. In a quiet run at scale
     * 1 (2026-12-06) the minutes went from 141 to 394 requests/s at the same 3.8-4.5 ms of CPU a request, the machine
     * 70 % idle in a stalled moment (bench/JOURNAL.md, "The demo at scale 1 on a quiet machine").
     */
    private void people(ExecutorService pool) {
        List<PersonPlan> people = acrossStructures(plan.people());
        int lag = Math.max(PEOPLE_LAG_MIN, PEOPLE_LAG_PER_THREAD * concurrency);
        List<Future<UUID>> entries = new ArrayList<>(people.size());
        List<Future<?>> followUps = new ArrayList<>(people.size());
        // a bounded queue: the tasks' order is decided when they are queued, and the plan's 142,000 people need not
        // be queued at once (the progress bar and a Ctrl-C stay prompt)
        Semaphore queued = queueBound();
        for (int next = 0; next < people.size() + lag; next++) {
            if (next < people.size()) {
                PersonPlan entering = people.get(next);
                entries.add(submitQueued(pool, queued, () -> enter(entering)));
            }
            int follow = next - lag;
            if (follow >= 0) {
                PersonPlan following = people.get(follow);
                Future<UUID> entry = entries.get(follow);
                followUps.add(submitQueued(pool, queued, () -> {
                    // queued 2 x lag tasks after its entry: answered long ago, but never assumed
                    UUID id = entry.get();
                    if (id != null) {
                        follow(following, id);
                    }
                    return null;
                }));
            }
        }
        awaitAll(entries);
        awaitAll(followUps);
    }

    /**
     * The plan's people in the order they are loaded: every structure's people spread evenly over the whole load
     * (a person at rank {@code i} of a structure's {@code n} comes at {@code (i + 0.5) / n} of it), each structure's
     * own order kept. The plan lists them structure after structure; loaded so, the whole suite worked for one
     * structure at a time, and all of its referrals came from one regional partner system at the rate of the whole
     * load, beyond a partner's allowance (2,219 answers 429 in 16 minutes of a quiet scale-1 run, 2026-12-07).
     */
    static List<PersonPlan> acrossStructures(List<PersonPlan> people) {
        Map<Integer, Integer> perStructure = new HashMap<>();
        people.forEach(p -> perStructure.merge(p.structure(), 1, Integer::sum));
        Map<Integer, Integer> seen = new HashMap<>();
        // within a structure the places grow with the rank: the sort keeps each structure's own order
        record Placed(double at, int structure, PersonPlan person) {
        }
        List<Placed> placed = new ArrayList<>(people.size());
        for (PersonPlan p : people) {
            int rank = seen.merge(p.structure(), 1, Integer::sum) - 1;
            placed.add(new Placed((rank + 0.5) / perStructure.get(p.structure()), p.structure(), p));
        }
        placed.sort(Comparator.comparingDouble(Placed::at).thenComparingInt(Placed::structure));
        return placed.stream().map(Placed::person).toList();
    }

    /** Queues a task once fewer than the semaphore's permits wait or run; its failure is counted by the task. */
    private <T> Future<T> submitQueued(ExecutorService pool, Semaphore queued, Callable<T> step) {
        try {
            queued.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
        return pool.submit(() -> {
            try {
                return step.call();
            } catch (RuntimeException e) {
                failed(e);
                return null;
            } finally {
                queued.release();
            }
        });
    }

    private void awaitAll(List<? extends Future<?>> futures) {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                failed(e.getCause());
            }
        }
    }

    private void failed(Throwable e) {
        failures.incrementAndGet();
        synchronized (firstFailures) {
            if (firstFailures.size() < 10) {
                firstFailures.add(String.valueOf(e.getMessage()));
            }
        }
    }

    private String key(String logical) {
        return plan.runKey() + "/" + logical;
    }

    private String token(String role, UUID structure) {
        // signed once per role and structure by the minter, for both loads of a re-run
        return target.tokens().mint(role, structure);
    }

    private String admin() {
        return token("admin", null);
    }

    private String counsellor(int structure) {
        return token("counsellor", structureIds[structure]);
    }

    // ---------------------------------------------------------------------------------------- directory

    /**
     * Structures have no Idempotency-Key: codes are unique, so known codes are looked up first. One at a time:
     * sending them on the pool was tried (2026-12-06) and not kept: the first sixteen, sent together to a
     * beneficiary-service that had just started, were answered only after ~30 s (load 60-100), and no run at a load
     * like the sequential one's showed a gain.
     */
    private void registerStructures() {
        Map<String, UUID> known = new ConcurrentHashMap<>();
        for (int page = 0; ; page++) {
            Answer answer = http.get(target.uri(SuiteService.BENEFICIARY, "/api/v1/structures?size=200&page=" + page),
                    admin());
            List<JsonValue> items = answer.object().getJsonArray("items");
            items.forEach(item -> known.put(item.asJsonObject().getString("code"),
                    UUID.fromString(item.asJsonObject().getString("id"))));
            if (items.size() < 200) {
                break;
            }
        }
        for (StructurePlan s : plan.structures()) {
            UUID id = known.get(s.code());
            if (id == null) {
                Answer created = http.post(target.uri(SuiteService.BENEFICIARY, "/api/v1/structures"), admin(),
                        DemoHttp.body("code", s.code(), "name", s.name(), "region", s.region(), "department",
                                s.department(), "registeredOn", s.registeredOn()), key("s" + s.index()), CREATED);
                id = created.id();
                registeredByThisRun[s.index()] = true;
            }
            structureIds[s.index()] = id;
            progress.step();
        }
    }

    /** Requests sent so far (retries included), per service: lets a benchmark follow the load while it runs. */
    public Map<SuiteService, Long> requestsSent() {
        Map<SuiteService, Long> sent = new EnumMap<>(SuiteService.class);
        target.services().forEach((service, uri) -> sent.put(service, http.sentTo(uri.getPort())));
        return sent;
    }

    /** The directory this network does not own: reported figures count them too. */
    public long foreignStructures() {
        long count = 0;
        Set<String> ours = new java.util.HashSet<>();
        plan.structures().forEach(s -> ours.add(s.code()));
        for (int page = 0; ; page++) {
            Answer answer = http.get(target.uri(SuiteService.BENEFICIARY, "/api/v1/structures?size=200&page=" + page),
                    admin());
            List<JsonValue> items = answer.object().getJsonArray("items");
            count += items.stream().filter(i -> !ours.contains(i.asJsonObject().getString("code"))).count();
            if (items.size() < 200) {
                return count;
            }
        }
    }

    private void registerCounsellor(CounsellorPlan c) {
        Answer answer = http.post(target.uri(SuiteService.BENEFICIARY, "/api/v1/structures/"
                        + structureIds[c.structure()] + "/counsellors"), admin(),
                DemoHttp.body("displayName", c.displayName(), "activeFrom", c.activeFrom()), key("c" + c.index()),
                CREATED);
        counsellorIds[c.index()] = answer.id();
        progress.step();
    }

    /**
     * A PUT makes a new version each time: the latest version is read first and only a different declaration is
     * sent, so a re-run adds no version. A structure this run registered has no declaration yet: nothing to read (its
     * 129 reads were 4 % of the requests of a first load at scale 0.002).
     */
    private void declare(DeclarationPlan d) {
        UUID structure = structureIds[d.structure()];
        String manager = token("manager", structure);
        URI uri = target.uri(SuiteService.CEP, "/api/v1/cep/declarations/" + structure + "/" + d.period());
        JsonObject body = DemoHttp.body(
                "counsellorFte", DemoHttp.body("level1Only", d.level1Only(), "levels2And3Only", d.levels2And3Only(),
                        "allLevels", d.allLevels()),
                "supportFte", d.support(),
                "professionalisation", DemoHttp.body("actionsEngaged", d.actionsEngaged(), "actions", d.actions()),
                "systematicTrainingForNewCounsellors", d.systematicTraining(),
                "cepTraining", d.trainingDays() == null ? null
                        : DemoHttp.body("days", d.trainingDays(), "counsellorsTrained", d.counsellorsTrained()),
                "mutualisedOffer", d.mutualisedOfferUsed() == null ? null
                        : DemoHttp.body("used", d.mutualisedOfferUsed(), "natures", d.mutualisedNatures()),
                "selfAssessment", DemoHttp.body("level1Delivered", d.level1Delivered(), "trainingsFitNeeds",
                        d.trainingsFitNeeds(), "cpfRulesMastered", d.cpfRulesMastered(), "newFundersUsed",
                        d.newFundersUsed(), "sproToolsDeveloped", d.sproToolsDeveloped(), "cepKitUsedInternally",
                        d.cepKitUsedInternally()),
                "comment", "Déclaration de démonstration");
        if (!registeredByThisRun[d.structure()]) {
            Answer current = http.get(uri, manager);
            if (current.status() == 200 && sameDeclaration(current.object(), body)) {
                progress.step();
                return;
            }
        }
        http.put(uri, manager, body, CREATED);
        progress.step();
    }

    private static boolean sameDeclaration(JsonObject current, JsonObject wanted) {
        for (String field : wanted.keySet()) {
            if (!sameJson(current.get(field), wanted.get(field))) {
                return false;
            }
        }
        return true;
    }

    /** Numbers compare by value (5.0 = 5.00); objects field by field, nulls as absent. */
    private static boolean sameJson(JsonValue a, JsonValue b) {
        if (a == null || a.getValueType() == JsonValue.ValueType.NULL) {
            return b == null || b.getValueType() == JsonValue.ValueType.NULL;
        }
        if (b == null) {
            return false;
        }
        if (a.getValueType() == JsonValue.ValueType.NUMBER && b.getValueType() == JsonValue.ValueType.NUMBER) {
            return ((jakarta.json.JsonNumber) a).bigDecimalValue().compareTo(((jakarta.json.JsonNumber) b)
                    .bigDecimalValue()) == 0;
        }
        if (a instanceof JsonObject oa && b instanceof JsonObject ob) {
            for (String field : ob.keySet()) {
                if (!sameJson(oa.get(field), ob.get(field))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private void contact(ContactPlan c, UUID beneficiary, String logical) {
        http.post(target.uri(SuiteService.CEP, "/api/v1/cep/level1-contacts"), counsellor(c.structure()),
                DemoHttp.body("contactDate", c.date(), "channel", c.channel(), "request", c.request(),
                        "beneficiaryId", beneficiary, "counsellorId", counsellorIds[c.counsellor()],
                        "routedTo", c.routedTo(), "liaisonSheetIssued", c.liaisonSheet()),
                key(logical), CREATED);
        progress.step();
    }

    // -------------------------------------------------------------------------------------------- people

    /** A person's entry at beneficiary-service (registration or referral, and the referent): their id. */
    private UUID enter(PersonPlan p) {
        String token = counsellor(p.structure());
        UUID structure = structureIds[p.structure()];
        UUID referent = p.referent() >= 0 ? counsellorIds[p.referent()] : null;
        JsonObject boe = p.boeType() == null ? null : DemoHttp.body("type", p.boeType(), "validFrom", p.boeValidFrom());
        JsonObject identity = DemoHttp.body("structureId", structure, "lastName", p.lastName(), "firstName",
                p.firstName(), "birthDate", p.birthDate(), "sex", p.sex(), "franceTravailId", p.franceTravailId(),
                "statusAtEntry", p.statusAtEntry(), "boeRecognition", boe, "qualificationLevel",
                p.qualificationLevel(), "inactivityMonths", p.inactivityMonths(), "orientationSource",
                p.orientationSource(), "entryDate", p.entryDate(),
                "referentCounsellorId", p.partnerReferral() ? null : referent);
        UUID id;
        if (p.partnerReferral()) {
            // most entries: Pôle emploi refers the person; the structure then names the referent
            id = http.post(target.uri(SuiteService.BENEFICIARY, "/api/v1/beneficiaries"), referringSystem(p),
                    identity, key(p.key() + "/referral"), CREATED).id();
            progress.step();
            if (referent != null) {
                http.put(target.uri(SuiteService.BENEFICIARY, "/api/v1/beneficiaries/" + id + "/referent"), token,
                        DemoHttp.body("counsellorId", referent, "assignedOn", p.entryDate()), DONE_OR_ALREADY);
                progress.step();
            }
        } else {
            id = http.post(target.uri(SuiteService.BENEFICIARY, "/api/v1/beneficiaries"), token, identity,
                    key(p.key() + "/registration"), CREATED).id();
            progress.step();
        }
        return id;
    }

    /**
     * Pôle emploi refers people through the system of the structure's region, one caller per regional directorate:
     * as one system, the network's 128,000 referrals at scale 1 went beyond a partner's allowance (3,000 requests a
     * minute per service): 766 referrals failed after their retries on 429 in a quiet run (2026-12-06), whose
     * waits also held the loader's threads.
     */
    private String referringSystem(PersonPlan p) {
        return target.tokens().mintPartner("pole-emploi-" + plan.structures().get(p.structure()).region());
    }

    /** The rest of a person's steps, in order: cep- and cpf-service, then the exit at beneficiary-service. */
    private void follow(PersonPlan p, UUID id) {
        String token = counsellor(p.structure());
        if (p.level1Contact() != null) {
            contact(p.level1Contact(), id, p.key() + "/contact");
        }
        UUID diagnostic = null;
        if (p.diagnostic() != null) {
            diagnostic = http.post(target.uri(SuiteService.CEP, "/api/v1/cep/diagnostics"), token,
                    DemoHttp.body("beneficiaryId", id, "diagnosedOn", p.diagnostic().on(), "workAxis",
                            p.diagnostic().workAxis(), "barriers", p.diagnostic().barriers(), "counsellorId",
                            counsellorIds[p.diagnostic().counsellor()]), key(p.key() + "/diagnostic"), CREATED).id();
            progress.step();
        }
        if (p.accompaniment() != null) {
            accompaniment(p, id, diagnostic, token);
        }
        if (p.exitDate() != null) {
            http.post(target.uri(SuiteService.BENEFICIARY, "/api/v1/beneficiaries/" + id + "/exit"), token,
                    DemoHttp.body("exitDate", p.exitDate(), "reason", p.exitReason()), key(p.key() + "/exit"),
                    DONE_OR_ALREADY);
            progress.step();
        }
    }

    private void accompaniment(PersonPlan p, UUID beneficiary, UUID diagnostic, String token) {
        AccompanimentPlan a = p.accompaniment();
        UUID referent = counsellorIds[a.referent()];
        Answer opened = http.post(target.uri(SuiteService.CEP, "/api/v1/cep/accompaniments"), token,
                DemoHttp.body("beneficiaryId", beneficiary, "diagnosticId", diagnostic, "referentCounsellorId",
                        referent, "startDate", a.start(), "level", a.level()), key(p.key() + "/accompaniment"),
                DONE_OR_ALREADY);
        UUID id = opened.status() == 409 ? openAccompaniment(beneficiary, token) : opened.id();
        progress.step();
        String base = "/api/v1/cep/accompaniments/" + id;
        if (a.informedOn() != null) {
            post(SuiteService.CEP, base + "/cep-information", token, DemoHttp.body("informedOn", a.informedOn(),
                    "counsellorId", referent), p.key() + "/cep-information", DONE_OR_ALREADY);
        }
        if (a.levelChangeOn() != null) {
            post(SuiteService.CEP, base + "/level", token, DemoHttp.body("level", 3, "changedOn", a.levelChangeOn()),
                    p.key() + "/level", DONE_OR_ALREADY);
        }
        for (int i = 0; i < a.interviews().size(); i++) {
            InterviewPlan interview = a.interviews().get(i);
            post(SuiteService.CEP, base + "/interviews", token, DemoHttp.body("heldOn", interview.on(),
                    "durationMinutes", interview.minutes(), "mode", interview.mode(), "counsellorId", referent),
                    p.key() + "/interview-" + i, CREATED);
        }
        if (p.cpf() != null) {
            cpf(p, beneficiary, referent, token);
        }
        UUID project = p.project() == null ? null : project(p, beneficiary, id, referent, token);
        UUID[] actionIds = new UUID[a.actions().size()];
        for (int i = 0; i < a.actions().size(); i++) {
            ActionPlan action = a.actions().get(i);
            actionIds[i] = http.post(target.uri(SuiteService.CEP, base + "/actions"), token, DemoHttp.body(
                    "kind", action.kind(), "label", action.label(), "plannedOn", action.plannedOn(),
                    "startDate", action.startDate(), "endDate", action.endDate(), "pmsmpPurpose", action.pmsmpPurpose(),
                    "renewalOf", action.renewalOf() >= 0 ? actionIds[action.renewalOf()] : null,
                    "alternanceContract", action.alternanceContract(),
                    "cpfTrainingProjectId", "TRAINING".equals(action.kind()) ? project : null,
                    "counsellorId", referent), key(p.key() + "/action-" + i), CREATED).id();
            progress.step();
            if (action.settlement() != null) {
                http.patch(target.uri(SuiteService.CEP, base + "/actions/" + actionIds[i]), token,
                        DemoHttp.body("status", action.settlement(), "effectiveOn", action.settledOn()),
                        DONE_OR_ALREADY);
                progress.step();
            }
        }
        if (a.synthesisOn() != null) {
            post(SuiteService.CEP, base + "/synthesis", token, DemoHttp.body("issuedOn", a.synthesisOn(),
                    "project", "Projet d'évolution professionnelle : " + (a.level() == 3 ? "formation qualifiante"
                            : "validation du projet professionnel"), "strategy",
                    "Étapes convenues en entretien", "counsellorId", referent), p.key() + "/synthesis", CREATED);
        }
        if (a.closedOn() != null) {
            post(SuiteService.CEP, base + "/close", token, DemoHttp.body("closedOn", a.closedOn(), "outcome",
                    a.outcome()), p.key() + "/close", DONE_OR_ALREADY);
        }
    }

    /** Before cep-service honoured Idempotency-Key, a re-run found the accompaniment already open: reuse it. */
    private UUID openAccompaniment(UUID beneficiary, String token) {
        Answer list = http.get(target.uri(SuiteService.CEP, "/api/v1/cep/accompaniments?open=true&beneficiaryId="
                + URLEncoder.encode(beneficiary.toString(), StandardCharsets.UTF_8)), token);
        List<JsonValue> items = list.object().getJsonArray("items");
        if (items == null || items.isEmpty()) {
            throw new DemoFailure("accompaniment of " + beneficiary + " refused as already open, but none is open");
        }
        return UUID.fromString(items.get(0).asJsonObject().getString("id"));
    }

    private void cpf(PersonPlan p, UUID beneficiary, UUID counsellor, String token) {
        CpfPlan c = p.cpf();
        String base = "/api/v1/cpf/accounts/" + beneficiary;
        if (c.presentedOn() != null) {
            http.put(target.uri(SuiteService.CPF, base + "/presentation"), token,
                    DemoHttp.body("presentedOn", c.presentedOn(), "counsellorId", counsellor), DONE_OR_ALREADY);
            progress.step();
        }
        if (c.openingStep() != null) {
            http.put(target.uri(SuiteService.CPF, base + "/opening-assistance"), token,
                    DemoHttp.body("step", c.openingStep(), "on", c.openingOn(), "counsellorId", counsellor),
                    DONE_OR_ALREADY);
            progress.step();
        }
        if (c.consentOn() != null) {
            post(SuiteService.CPF, base + "/consents", token, DemoHttp.body("givenOn", c.consentOn(), "modality",
                    c.consentModality(), "counsellorId", counsellor), p.key() + "/cpf-consent", DONE_OR_ALREADY);
        }
    }

    private UUID project(PersonPlan p, UUID beneficiary, UUID accompaniment, UUID counsellor, String token) {
        ProjectPlan project = p.project();
        UUID id = http.post(target.uri(SuiteService.CPF, "/api/v1/cpf/training-projects"), token, DemoHttp.body(
                "beneficiaryId", beneficiary, "accompanimentId", accompaniment, "counsellorId", counsellor,
                "title", project.title(),
                "certification", DemoHttp.body("kind", project.certificationKind(), "code", project.certificationCode()),
                "eligibilityList", project.eligibilityList(), "eligibilityRegion", project.eligibilityRegion(),
                "trainingBody", DemoHttp.body("name", project.trainingBody()), "startDate", project.startDate(),
                "endDate", project.endDate(), "hours", project.hours(), "cost", project.cost()),
                key(p.key() + "/project"), CREATED).id();
        progress.step();
        String base = "/api/v1/cpf/training-projects/" + id;
        UUID[] lines = new UUID[project.funding().size()];
        for (int i = 0; i < lines.length; i++) {
            FundingPlan f = project.funding().get(i);
            Answer line = http.post(target.uri(SuiteService.CPF, base + "/funding-requests"), token,
                    DemoHttp.body("funder", f.funder(), "amount", f.amount(), "cpfHours", f.cpfHours(),
                            "requestedOn", f.requestedOn()), key(p.key() + "/funding-" + i), CREATED);
            lines[i] = UUID.fromString(line.object().getJsonObject("request").getString("id"));
            progress.step();
        }
        for (int i = 0; i < lines.length; i++) {
            FundingPlan f = project.funding().get(i);
            BigDecimal granted = "PARTLY_GRANTED".equals(f.decision()) ? f.grantedAmount() : null;
            post(SuiteService.CPF, base + "/funding-requests/" + lines[i] + "/decision", token, DemoHttp.body(
                    "decision", f.decision(), "grantedAmount", granted, "refusalReason", f.refusalReason(),
                    "answeredOn", f.answeredOn()), p.key() + "/decision-" + i, DONE_OR_ALREADY);
        }
        if (project.startedOn() != null) {
            post(SuiteService.CPF, base + "/start", token, DemoHttp.body("startedOn", project.startedOn()),
                    p.key() + "/start", DONE_OR_ALREADY);
        }
        if (project.completedOn() != null) {
            post(SuiteService.CPF, base + "/complete", token, DemoHttp.body("completedOn", project.completedOn(),
                    "certificationObtained", Boolean.TRUE), p.key() + "/complete", DONE_OR_ALREADY);
        }
        if (project.notImplementedOn() != null) {
            post(SuiteService.CPF, base + "/not-implemented", token, DemoHttp.body("decidedOn",
                    project.notImplementedOn(), "reasons", project.notImplementedReasons()),
                    p.key() + "/not-implemented", DONE_OR_ALREADY);
        }
        return id;
    }

    private void post(SuiteService service, String path, String token, JsonObject body, String logical,
            Set<Integer> accepted) {
        http.post(target.uri(service, path), token, body, key(logical), accepted);
        progress.step();
    }
}
