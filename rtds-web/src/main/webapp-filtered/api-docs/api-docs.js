// The RTDS API described by MicroProfile OpenAPI at /openapi (served by Payara at the server root).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // "Try it out" sends HTTP Basic credentials entered under "Authorize"
    withCredentials: false
  });
});
