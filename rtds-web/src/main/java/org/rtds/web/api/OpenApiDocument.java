package org.rtds.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.rtds.security.boundary.RtdsRoles;
import org.rtds.web.api.account.MeResource;
import org.rtds.web.api.admin.AdministrationResource;
import org.rtds.web.api.admin.TokensResource;
import org.rtds.web.api.audit.AuditResource;
import org.rtds.web.api.constraint.ConstraintsResource;
import org.rtds.web.api.feature.FeaturesResource;
import org.rtds.web.api.ingest.InstancesResource;
import org.rtds.web.api.patient.PatientsResource;
import org.rtds.web.api.study.StudiesResource;
import org.rtds.web.api.system.SystemResource;

/**
 * Completes the generated OpenAPI document ({@code mp.openapi.filter}) with what every operation of
 * the API shares, so that each one lists every status it can answer: the problem document schema
 * ({@code Problem}, RFC 9457) and, per operation, {@code 401} (no or refused credentials), {@code
 * 403} (the permission it needs, named in its description), {@code 404} (its path names something),
 * {@code 400} (it reads a body; operations whose parameters can be malformed declare their own),
 * {@code 406} (a GET asked for a format it lacks), {@code 413}/{@code 415} (a body too large or of
 * another type), {@code 429} (the token rate limit) and {@code 503} (the database is unreachable).
 * The success answer and its schema come from the method's Java signature ({@link JavaSchemas};
 * {@link Success} where the signature does not say), also {@code 409} where {@link Conflicts} says
 * so; request bodies get their {@link BodyExample}. The contract test ({@code ApiContractIT}) calls
 * every operation the served document lists, with those examples, and checks each answer against
 * it.
 */
public class OpenApiDocument implements OASFilter {

  /** Every JAX-RS resource of the API (a unit test checks none is missing). */
  public static final List<Class<?>> RESOURCES =
      List.of(
          AdministrationResource.class,
          AuditResource.class,
          ConstraintsResource.class,
          FeaturesResource.class,
          InstancesResource.class,
          MeResource.class,
          PatientsResource.class,
          StudiesResource.class,
          SystemResource.class,
          TokensResource.class);

  static final String PROBLEM = "Problem";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.setComponents(OASFactory.createComponents());
    }
    Components components = openApi.getComponents();
    components.addSchema(PROBLEM, problemSchema());
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    Map<String, String> roles = roles();
    Map<String, Method> methods = new LinkedHashMap<>();
    forEachOperation(methods::put);
    JavaSchemas schemas = new JavaSchemas(components);
    Map<String, String> rejects = rejects();
    Map<String, String> conflicts = described(Conflicts.class);
    for (Map.Entry<String, PathItem> path : openApi.getPaths().getPathItems().entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().getOperations().entrySet()) {
        String key = entry.getKey() + " " + path.getKey();
        complete(
            path.getKey(),
            entry.getKey(),
            entry.getValue(),
            roles.get(key),
            rejects.get(key),
            conflicts.get(key));
        Method method = methods.get(key);
        if (method != null) {
          success(entry.getValue(), method, schemas);
          bodyExample(entry.getValue(), method);
        }
      }
    }
  }

  /**
   * The successful answer from the Java signature (or {@link Success}): its status (200, 204 for
   * {@code void}), and its schema made by {@link JavaSchemas} from the type the method returns —
   * replacing what the generator made, which misses the records of other modules and java.time.
   */
  private static void success(Operation operation, Method method, JavaSchemas schemas) {
    Success declared = method.getAnnotation(Success.class);
    int status;
    Schema body;
    if (declared != null) {
      status = declared.status();
      body =
          declared.type() == Void.class
              ? null
              : declared.list() ? schemas.listOf(declared.type()) : schemas.of(declared.type());
    } else if (method.getReturnType() == void.class) {
      status = 204;
      body = null;
    } else {
      status = 200;
      body = schemas.of(method.getGenericReturnType());
    }
    APIResponses responses = operation.getResponses();
    if (responses.getAPIResponses() != null) {
      for (String code : List.copyOf(responses.getAPIResponses().keySet())) {
        if (code.startsWith("2") || code.equals(APIResponses.DEFAULT)) {
          responses.removeAPIResponse(code);
        }
      }
    }
    String description =
        declared != null && !declared.description().isEmpty()
            ? declared.description()
            : switch (status) {
              case 201 -> "Created";
              case 202 -> "Accepted";
              case 204 -> "No Content";
              default -> "OK";
            };
    APIResponse answer = OASFactory.createAPIResponse().description(description);
    if (body != null) {
      Content content =
          OASFactory.createContent()
              .addMediaType(
                  jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                  OASFactory.createMediaType().schema(body));
      if (producesCsv(method)) {
        content.addMediaType(
            "text/csv",
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
      }
      answer.setContent(content);
    }
    responses.addAPIResponse(String.valueOf(status), answer);
  }

  /** The {@link BodyExample} of a method as its JSON request body's example. */
  private static void bodyExample(Operation operation, Method method) {
    BodyExample example = method.getAnnotation(BodyExample.class);
    if (example == null || operation.getRequestBody() == null) {
      return;
    }
    Content content = operation.getRequestBody().getContent();
    if (content == null) {
      content = OASFactory.createContent();
      operation.getRequestBody().setContent(content);
    }
    org.eclipse.microprofile.openapi.models.media.MediaType json =
        content.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
    if (json == null) {
      json = OASFactory.createMediaType();
      content.addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, json);
    }
    json.addExample("example", OASFactory.createExample().value(example.value()));
  }

  private static boolean producesCsv(Method method) {
    jakarta.ws.rs.Produces produces = method.getAnnotation(jakarta.ws.rs.Produces.class);
    if (produces == null) {
      produces = method.getDeclaringClass().getAnnotation(jakarta.ws.rs.Produces.class);
    }
    return produces != null
        && java.util.Arrays.stream(produces.value()).anyMatch(t -> t.startsWith("text/csv"));
  }

  private static void complete(
      String path,
      PathItem.HttpMethod method,
      Operation operation,
      String role,
      String rejected,
      String conflict) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    if (role != null && !RtdsRoles.USER.equals(role)) {
      String needs = "Needs the permission " + role + ".";
      String description = operation.getDescription();
      if (description == null || !description.contains(needs)) {
        operation.setDescription(description == null ? needs : description + " " + needs);
      }
    }
    boolean body = operation.getRequestBody() != null;
    if (rejected != null) {
      error(responses, "400", rejected);
    } else if (body) {
      error(responses, "400", "the request is malformed: the detail names the field and why");
    }
    error(
        responses,
        "401",
        "no credentials, or refused ones: send HTTP Basic of an RTDS account or an API token");
    if (role != null && !RtdsRoles.USER.equals(role)) {
      error(responses, "403", "the account lacks the permission " + role);
    }
    if (path.contains("{")) {
      error(responses, "404", "nothing of that name the caller may see");
    }
    if (conflict != null) {
      error(responses, "409", conflict);
    }
    if (method == PathItem.HttpMethod.GET) {
      error(responses, "406", "the Accept header names no format this resource answers in");
    }
    if (body) {
      error(responses, "413", "the request body is larger than allowed");
      error(responses, "415", "the body's Content-Type is not one this operation reads");
    }
    error(
        responses,
        "429",
        "too many requests: an API token over RTDS_TOKEN_RATE_LIMIT, or failed logins; see"
            + " Retry-After");
    error(responses, "503", "the database is unreachable; retry after Retry-After seconds");
  }

  private static void error(APIResponses responses, String status, String description) {
    if (responses.getAPIResponses() != null && responses.getAPIResponses().containsKey(status)) {
      APIResponse existing = responses.getAPIResponses().get(status);
      if (existing.getContent() == null
          || existing.getContent().getMediaTypes() == null
          || existing.getContent().getMediaTypes().isEmpty()) {
        existing.setContent(problemContent());
      }
      return;
    }
    responses.addAPIResponse(
        status, OASFactory.createAPIResponse().description(description).content(problemContent()));
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details: the body of every error answer")
        .addProperty(
            "type",
            OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .description("always about:blank")
                .example("about:blank"))
        .addProperty(
            "title",
            OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .description("the status' reason phrase")
                .example("Not Found"))
        .addProperty(
            "status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).example(404))
        .addProperty(
            "detail",
            OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .description("what was wrong with this request, for a human")
                .example("no study 1.2.3 visible to this account"))
        .required(List.of("type", "title", "status"))
        // RFC 9457 extension members, e.g. the per-object results of an upload with nothing
        // readable
        .additionalPropertiesBoolean(Boolean.TRUE);
  }

  /**
   * The role each operation needs, by {@code "METHOD /api/path"} as the document names it (the
   * method's {@code @RolesAllowed}, else its class's).
   */
  public static Map<String, String> roles() {
    Map<String, String> roles = new LinkedHashMap<>();
    forEachOperation(
        (key, method) -> {
          RolesAllowed r = method.getAnnotation(RolesAllowed.class);
          if (r == null) {
            r = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
          }
          roles.put(key, r == null ? null : r.value()[0]);
        });
    return roles;
  }

  /**
   * When each operation answers 400 for its parameters ({@link Rejects}), by {@code "METHOD
   * /api/path"}.
   */
  static Map<String, String> rejects() {
    return described(Rejects.class);
  }

  /** The {@code value()} of an annotation ({@link Rejects}, {@link Conflicts}) per operation. */
  private static Map<String, String> described(
      Class<? extends java.lang.annotation.Annotation> annotation) {
    Map<String, String> described = new LinkedHashMap<>();
    forEachOperation(
        (key, method) -> {
          var a = method.getAnnotation(annotation);
          if (a instanceof Rejects r) {
            described.put(key, r.value());
          } else if (a instanceof Conflicts c) {
            described.put(key, c.value());
          }
        });
    return described;
  }

  private static void forEachOperation(java.util.function.BiConsumer<String, Method> action) {
    for (Class<?> resource : RESOURCES) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method m : resource.getMethods()) {
        String method = httpMethod(m);
        if (method != null) {
          Path sub = m.getAnnotation(Path.class);
          String path = "/api/" + base + (sub == null ? "" : "/" + sub.value());
          action.accept(method + " " + path.replaceAll("/+", "/").replaceAll("/$", ""), m);
        }
      }
    }
  }

  private static String httpMethod(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (m.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    if (m.isAnnotationPresent(HEAD.class)) {
      return "HEAD";
    }
    return null;
  }
}
