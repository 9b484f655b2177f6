// Swagger UI for this node's contract. Everything is loaded from the node itself: the page is
// served at /docs, so "openapi.yaml" is /openapi.yaml. No online validator badge (validatorUrl).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    persistAuthorization: false,
    tryItOutEnabled: false,
  });
});
