package fr.capemploi.platform.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * The operation of an {@link Idempotent} POST documents the {@code Idempotency-Key} header it honours (the shared
 * parameter {@code OpenApiSecurity} declares), so that a resource method says it once, with the annotation that makes
 * it true, and no operation can honour the header without documenting it. A method that names the parameter itself
 * keeps it once. Runs before the other document filters ({@code OpenApiConventions} drops the shared parameters no
 * operation uses).
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 100)
public class IdempotencyKeyParameter implements OASFilter {

    private static final String REF = "#/components/parameters/" + IdempotentRequestInterceptor.IDEMPOTENCY_KEY;
    private static final DotName IDEMPOTENT = DotName.createSimple(Idempotent.class.getName());
    private static final DotName PATH = DotName.createSimple(Path.class.getName());
    private static final DotName POST_METHOD = DotName.createSimple(POST.class.getName());

    /** The paths whose POST is idempotent, as the document writes them. */
    private final Set<String> idempotentPosts = new HashSet<>();

    public IdempotencyKeyParameter(IndexView index) {
        for (AnnotationInstance idempotent : index.getAnnotations(IDEMPOTENT)) {
            AnnotationTarget target = idempotent.target();
            if (target.kind() == AnnotationTarget.Kind.METHOD) {
                add(target.asMethod().declaringClass(), target.asMethod());
            } else if (target.kind() == AnnotationTarget.Kind.CLASS) {
                target.asClass().methods().forEach(method -> add(target.asClass(), method));
            }
        }
    }

    private void add(ClassInfo resource, MethodInfo method) {
        AnnotationInstance root = resource.declaredAnnotation(PATH);
        if (root == null || !method.hasDeclaredAnnotation(POST_METHOD)) {
            return;
        }
        AnnotationInstance sub = method.annotation(PATH);
        idempotentPosts.add(join(root.value().asString(), sub == null ? "" : sub.value().asString()));
    }

    /** Class and method paths joined as the document keys them: one slash between segments, no regular expressions. */
    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("\\{([^}:]+?)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (var entry : openAPI.getPaths().getPathItems().entrySet()) {
            PathItem path = entry.getValue();
            Operation post = path.getPOST();
            if (post == null || !idempotentPosts.contains(entry.getKey())) {
                continue;
            }
            boolean named = post.getParameters() != null
                    && post.getParameters().stream().anyMatch(parameter -> REF.equals(parameter.getRef()));
            if (!named) {
                post.addParameter(OASFactory.createParameter().ref(REF));
            }
        }
    }
}
