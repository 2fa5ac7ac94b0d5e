package fr.capemploi.reporting.repository;

import fr.capemploi.reporting.domain.Indicator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The indicator catalogue as data (resources under {@code indicators/}, described in their README): one SQL file
 * per indicator declaring the shared sets and fragments it reads, the sets worked out once per request, and the
 * fragments several indicators share. Read once; a missing or malformed resource fails at the first use of the
 * catalogue, not at the first request for one indicator. The model is cpf-service's {@code RuleBook}: a counting
 * rule changes in its file, never in a branch of Java.
 */
public final class IndicatorCatalogue {

    public static final String ROOT = "indicators/";

    /**
     * A shared set or a fragment: common table expressions over the scope, with what they read in turn;
     * {@code exactAsOf}: a set or fragment declared ({@code -- @exact-as-of}) to give what the facts would as of any
     * asOf after the period, not only as of now (the set {@code members}, the fragment {@code facts}).
     */
    public record Part(String name, List<String> needs, String sql, Optional<String> columns, boolean exactAsOf) {

        public boolean shared() {
            return columns.isPresent();
        }

        /** The part as common table expressions: a shared set reads its temporary table once it is filled. */
        String cte(Set<String> filled) {
            if (!shared()) {
                return sql;
            }
            return filled.contains(name) ? name + " AS NOT MATERIALIZED (SELECT * FROM " + table(name) + ")"
                    : name + " AS (\n" + sql + "\n)";
        }
    }

    /**
     * One indicator: what it reads, its own common table expressions, its main query and its breakdown; and, for
     * those the pre-aggregates serve, the same "as of now" ({@code now}: read from {@code monthly_fact}). An
     * indicator of a family ({@code funding-delay-median} in {@code funding-delay.sql}) has its own values of the
     * family's parameters ({@code :fraction}).
     */
    public record Entry(Indicator indicator, List<String> needs, Optional<String> with, String main,
            Optional<String> breakdown, Optional<Now> now, Map<String, Object> parameters) {
    }

    /**
     * An indicator's queries over the pre-aggregates, exact when nothing counted was recorded after asOf, with the
     * shared sets and fragments they read ({@code -- @now-needs:}).
     */
    public record Now(List<String> needs, Optional<String> with, String main, Optional<String> breakdown) {
    }

    private final Map<Indicator, Entry> entries;
    private final Map<String, Part> parts;
    private final Part scope;

    private IndicatorCatalogue(Map<Indicator, Entry> entries, Map<String, Part> parts, Part scope) {
        this.entries = entries;
        this.parts = parts;
        this.scope = scope;
    }

    private static final IndicatorCatalogue CLASSPATH = load();

    public static IndicatorCatalogue fromClasspath() {
        return CLASSPATH;
    }

    static String table(String set) {
        return "pg_temp.indicator_" + set;
    }

    public Entry entry(Indicator indicator) {
        return entries.get(indicator);
    }

    public Part part(String name) {
        Part part = parts.get(name);
        if (part == null) {
            throw new IllegalStateException("No shared set or fragment named " + name + " under " + ROOT);
        }
        return part;
    }

    /** The parts that {@code needs} reads, each after those it reads in turn. */
    public List<Part> closure(List<String> needs) {
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        for (String need : needs) {
            visit(need, ordered, new LinkedHashSet<>());
        }
        return ordered.stream().map(this::part).toList();
    }

    private void visit(String name, Set<String> ordered, Set<String> path) {
        if (ordered.contains(name)) {
            return;
        }
        if (!path.add(name)) {
            throw new IllegalStateException("Fragments read each other in a circle: " + path);
        }
        for (String need : part(name).needs()) {
            visit(need, ordered, path);
        }
        ordered.add(name);
    }

    /**
     * The shared sets {@code indicators} read, directly or through fragments, in the order they must be filled;
     * {@code now}: those the pre-aggregates answer read what their "as of now" queries need instead.
     */
    public List<Part> sharedSets(Collection<Indicator> indicators, boolean now) {
        return sharedSets(indicators, now, now);
    }

    /**
     * The same for an asOf that may lie in the past: an indicator reads what its "as of now" queries need when
     * {@link #answersNow} says so.
     */
    public List<Part> sharedSets(Collection<Indicator> indicators, boolean current, boolean pastReady) {
        LinkedHashSet<String> needs = new LinkedHashSet<>();
        for (Indicator indicator : indicators) {
            Entry entry = entry(indicator);
            needs.addAll(answersNow(indicator, current, pastReady) ? entry.now().get().needs() : entry.needs());
        }
        return closure(List.copyOf(needs)).stream().filter(Part::shared).toList();
    }

    /**
     * Whether the indicator's "as of now" queries answer: when every pre-aggregate is current ({@code current}), or,
     * for a past asOf the pre-aggregates can serve ({@code pastReady}: whole months, asOf after the period, few
     * facts recorded late), when what those queries read are sets or fragments declared {@code -- @exact-as-of} and
     * nothing else of the pre-aggregates (the delays, the referents are as of now only).
     */
    public boolean answersNow(Indicator indicator, boolean current, boolean pastReady) {
        Optional<Now> now = entry(indicator).now();
        if (now.isEmpty()) {
            return false;
        }
        if (current) {
            return true;
        }
        return pastReady && !now.get().needs().isEmpty()
                && now.get().needs().stream().map(this::part).allMatch(Part::exactAsOf);
    }

    /** WITH, the scope, then {@code needs} and what they read, then {@code own}; {@code filled}: sets in tables. */
    public String with(List<String> needs, Optional<String> own, Set<String> filled) {
        List<String> ctes = new ArrayList<>();
        ctes.add(scope.sql());
        for (Part part : closure(needs)) {
            ctes.add(part.cte(filled));
        }
        own.ifPresent(ctes::add);
        return "WITH " + String.join(",\n", ctes) + "\n";
    }

    /** The query filling a shared set, reading the sets already filled from their tables. */
    public String fill(Part set, Set<String> filled) {
        return with(set.needs(), Optional.empty(), filled) + set.sql();
    }

    public String main(Indicator indicator, Set<String> filled) {
        Entry entry = entry(indicator);
        return with(entry.needs(), entry.with(), filled) + entry.main();
    }

    public Optional<String> breakdown(Indicator indicator, Set<String> filled) {
        Entry entry = entry(indicator);
        return entry.breakdown().map(b -> with(entry.needs(), entry.with(), filled) + b);
    }

    public String nowMain(Indicator indicator, Set<String> filled) {
        Now now = entry(indicator).now().orElseThrow();
        return with(now.needs(), now.with(), filled) + now.main();
    }

    public Optional<String> nowBreakdown(Indicator indicator, Set<String> filled) {
        Now now = entry(indicator).now().orElseThrow();
        return now.breakdown().map(b -> with(now.needs(), now.with(), filled) + b);
    }

    /** The structures of the scope registered by the period's end: the coverage denominator. */
    public String registered() {
        return with(List.of(), Optional.empty(), Set.of()) + "SELECT count(*) AS n FROM reg";
    }

    private static IndicatorCatalogue load() {
        Map<String, Part> parts = new HashMap<>();
        Map<Indicator, Entry> entries = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            Sections file = resource(indicator);
            Optional<Now> now = file.section("now-main").map(main -> new Now(file.nowNeeds(),
                    file.section("now-with"), main, file.section("now-breakdown")));
            if (now.isPresent() && file.section("breakdown").isPresent() != now.get().breakdown().isPresent()) {
                throw new IllegalStateException(indicator.id() + ": a breakdown on one path only");
            }
            entries.put(indicator, new Entry(indicator, file.needs(), file.section("with"),
                    file.section("main").orElseThrow(() -> file.missing("main")), file.section("breakdown"), now,
                    file.parameters(indicator.id())));
        }
        Set<String> wanted = new LinkedHashSet<>();
        entries.values().forEach(e -> {
            wanted.addAll(e.needs());
            e.now().ifPresent(now -> wanted.addAll(now.needs()));
        });
        List<String> queue = new ArrayList<>(wanted);
        while (!queue.isEmpty()) {
            String name = queue.remove(0);
            if (parts.containsKey(name)) {
                continue;
            }
            Part part = readPart(name);
            parts.put(name, part);
            queue.addAll(part.needs());
        }
        Part scope = new Part("scope", List.of(), Sections.of(ROOT + "fragments/scope.sql",
                read(ROOT + "fragments/scope.sql")).body(), Optional.empty(), false);
        return new IndicatorCatalogue(entries, parts, scope);
    }

    /**
     * The indicator's own file, else the file of its family: the id without its last word ({@code funding-delay}
     * for {@code funding-delay-median}), which gives that word its parameters' values.
     */
    private static Sections resource(Indicator indicator) {
        String own = ROOT + indicator.id() + ".sql";
        Optional<String> text = find(own);
        if (text.isPresent()) {
            return Sections.of(own, text.get());
        }
        int cut = indicator.id().lastIndexOf('-');
        String family = ROOT + (cut < 0 ? indicator.id() : indicator.id().substring(0, cut)) + ".sql";
        Sections file = Sections.of(family, find(family).orElseThrow(() -> new IllegalStateException(
                "The indicator catalogue lacks " + own + " (nor has it a family file " + family + ")")));
        if (file.parameters().isEmpty()) {
            throw new IllegalStateException(family + " declares no parameter for " + indicator.id());
        }
        return file;
    }

    private static Part readPart(String name) {
        String set = ROOT + "sets/" + name + ".sql";
        String fragment = ROOT + "fragments/" + name + ".sql";
        Optional<String> text = find(set);
        boolean shared = text.isPresent();
        String resource = shared ? set : fragment;
        Sections file = Sections.of(resource, text.orElseGet(() -> read(fragment)));
        Optional<String> columns = file.columns();
        if (shared && columns.isEmpty()) {
            throw file.missing("columns");
        }
        return new Part(name, file.needs(), file.body(), shared ? columns : Optional.empty(), file.exactAsOf());
    }

    /**
     * A resource cut at its marker lines ({@code -- @main}...), with its declarations ({@code -- @needs: a, b}) and
     * without its comments: the named-parameter binding would take a colon in a comment for a parameter.
     */
    private record Sections(String resource, Map<String, List<String>> sections, List<String> needs,
            List<String> nowNeeds, Optional<String> columns, Map<String, Map<String, Object>> parameters,
            boolean exactAsOf) {

        static Sections of(String resource, String text) {
            Map<String, List<String>> sections = new HashMap<>();
            List<String> needs = new ArrayList<>();
            List<String> nowNeeds = new ArrayList<>();
            String columns = null;
            Map<String, Map<String, Object>> parameters = new HashMap<>();
            String current = "body";
            boolean exactAsOf = false;
            Sections template = null;
            for (String line : text.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("-- @as:")) {
                    template = template(resource, trimmed.substring("-- @as:".length()).strip());
                } else if (trimmed.startsWith("-- @insert:")) {
                    // a piece written alike several times in this section: the template's SQL in its place
                    List<String> lines = sections.computeIfAbsent(current, k -> new ArrayList<>());
                    for (String inserted : worded(resource, trimmed.substring("-- @insert:".length()).strip())
                            .split("\n")) {
                        if (!inserted.strip().startsWith("--") && !inserted.isBlank()) {
                            lines.add(stripTrailingComment(inserted));
                        }
                    }
                } else if (trimmed.equals("-- @exact-as-of")) {
                    exactAsOf = true;
                } else if (trimmed.startsWith("-- @needs:")) {
                    names(trimmed, "-- @needs:").forEach(needs::add);
                } else if (trimmed.startsWith("-- @now-needs:")) {
                    names(trimmed, "-- @now-needs:").forEach(nowNeeds::add);
                } else if (trimmed.startsWith("-- @parameter:")) {
                    // -- @parameter: fraction median=0.5, p90=0.9 -> per member of the family, :fraction's value
                    String[] declaration = trimmed.substring("-- @parameter:".length()).strip().split("\\s+", 2);
                    for (String value : declaration[1].split(",")) {
                        String[] pair = value.strip().split("=");
                        parameters.computeIfAbsent(pair[0].strip(), k -> new HashMap<>())
                                .put(declaration[0], Double.valueOf(pair[1].strip()));
                    }
                } else if (trimmed.startsWith("-- @columns:")) {
                    columns = trimmed.substring("-- @columns:".length()).strip();
                } else if (trimmed.matches("-- @[a-z-]+")) {
                    current = trimmed.substring(4);
                    if (!Set.of("with", "main", "breakdown", "now-with", "now-main", "now-breakdown")
                            .contains(current)) {
                        throw new IllegalStateException(resource + ": unknown section " + trimmed);
                    }
                } else if (!trimmed.startsWith("--") && !trimmed.isEmpty()) {
                    sections.computeIfAbsent(current, k -> new ArrayList<>()).add(stripTrailingComment(line));
                }
            }
            Sections own = new Sections(resource, sections, List.copyOf(needs), List.copyOf(nowNeeds),
                    Optional.ofNullable(columns), parameters, exactAsOf);
            return template == null ? own : template.under(own);
        }

        /** A word of a template left without a value; {@code {schema}} is the query's. */
        private static final Pattern UNBOUND_WORD = Pattern.compile("\\{(?!schema\\})[a-z-]+\\}");

        /** Where a template's words part: a comma before the next {@code word=} (a word may hold commas). */
        private static final Pattern NEXT_WORD = Pattern.compile(",\\s*(?=[a-z-]+=)");

        /**
         * {@code -- @as: counted-by-date rows=exits, fact=exit}: the sections of {@code templates/counted-by-date.sql}
         * with each {@code {rows}} and {@code {fact}} replaced by its word ({@code {schema}} is left to the query).
         */
        private static Sections template(String resource, String declaration) {
            return of(ROOT + "templates/" + declaration.split("\\s+", 2)[0] + ".sql", worded(resource, declaration));
        }

        /** The text of the template a declaration names, each of its words replaced by the declaration's value. */
        private static String worded(String resource, String declaration) {
            String[] nameAndWords = declaration.split("\\s+", 2);
            String name = ROOT + "templates/" + nameAndWords[0] + ".sql";
            String text = read(name);
            if (nameAndWords.length > 1) {
                for (String word : NEXT_WORD.split(nameAndWords[1])) {
                    String[] pair = word.strip().split("=", 2);
                    text = text.replace("{" + pair[0].strip() + "}", pair[1].strip());
                }
            }
            Matcher unbound = UNBOUND_WORD.matcher(text);
            if (unbound.find()) {
                throw new IllegalStateException(resource + " gives " + name + " no word for " + unbound.group());
            }
            return text;
        }

        /** The template's sections with those the file writes itself in their place, and what both read. */
        private Sections under(Sections own) {
            Map<String, List<String>> merged = new HashMap<>(sections);
            merged.putAll(own.sections);
            return new Sections(own.resource, merged, union(needs, own.needs), union(nowNeeds, own.nowNeeds),
                    own.columns.or(() -> columns), own.parameters, own.exactAsOf || exactAsOf);
        }

        private static List<String> union(List<String> first, List<String> then) {
            return List.copyOf(new LinkedHashSet<>(Stream.concat(first.stream(), then.stream()).toList()));
        }

        /** The parameters' values for one member of the family ({@code id} ends with the member's word). */
        Map<String, Object> parameters(String id) {
            if (parameters.isEmpty()) {
                return Map.of();
            }
            String member = id.substring(id.lastIndexOf('-') + 1);
            Map<String, Object> values = parameters.get(member);
            if (values == null) {
                throw new IllegalStateException(resource + " declares no parameter value for " + id);
            }
            return Map.copyOf(values);
        }

        private static Stream<String> names(String declaration, String marker) {
            return Arrays.stream(declaration.substring(marker.length()).split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty());
        }

        private static String stripTrailingComment(String line) {
            int comment = line.indexOf(" -- ");
            return comment < 0 ? line : line.substring(0, comment);
        }

        Optional<String> section(String name) {
            return Optional.ofNullable(sections.get(name)).map(lines -> String.join("\n", lines));
        }

        String body() {
            return section("body").orElseThrow(() -> missing("SQL"));
        }

        IllegalStateException missing(String what) {
            return new IllegalStateException(resource + " has no " + what);
        }
    }

    private static Optional<String> find(String resource) {
        try (InputStream in = IndicatorCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        return find(resource).orElseThrow(() -> new IllegalStateException(
                "The indicator catalogue lacks " + resource));
    }
}
