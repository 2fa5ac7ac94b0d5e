package fr.capemploi.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bounds the labels of the HTTP server metrics. A request that matches no route (an unknown method, a path of no
 * template) used to be labelled with its raw URI: anyone could grow the series without limit and read beneficiary ids
 * in the metrics (audit finding). Here a {@code uri} label is kept only when it is one of the application's route
 * templates (or one of Micrometer's fixed values); anything else becomes {@code unmatched}. A {@code method} label
 * outside the HTTP methods the API knows becomes {@code OTHER}.
 */
@Singleton
public class HttpMetricLabels implements MeterFilter {

    public static final String UNMATCHED = "unmatched";
    static final Set<String> FIXED = Set.of("NOT_FOUND", "REDIRECTION", "root", "UNKNOWN", UNMATCHED);
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private volatile Set<String> templates;

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("http.server")) {
            return id;
        }
        String uri = id.getTag("uri");
        String method = id.getTag("method");
        boolean uriKnown = uri == null || FIXED.contains(uri) || templates().contains(uri);
        boolean methodKnown = method == null || METHODS.contains(method);
        if (uriKnown && methodKnown) {
            return id;
        }
        List<Tag> tags = id.getTags().stream().map(tag -> switch (tag.getKey()) {
            case "uri" -> uriKnown ? tag : Tag.of("uri", UNMATCHED);
            case "method" -> methodKnown ? tag : Tag.of("method", "OTHER");
            default -> tag;
        }).collect(Collectors.toList());
        return id.replaceTags(tags);
    }

    /** The route templates of every JAX-RS resource of the application, as the metrics label them. */
    private Set<String> templates() {
        Set<String> known = templates;
        if (known == null) {
            known = new HashSet<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                known.add(join(root.value(), ""));
                for (Method method : type.getMethods()) {
                    Path sub = method.getAnnotation(Path.class);
                    if (sub != null) {
                        known.add(join(root.value(), sub.value()));
                    }
                }
            }
            templates = Set.copyOf(known);
        }
        return known;
    }

    static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
