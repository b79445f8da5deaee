package io.haechi.server.web;

/** The API's routes: every endpoint of {@code openapi.json}, and nothing else. */
final class WebApi {
    private WebApi() {
    }

    static Router routes(WebServices services, boolean authentication) {
        Router router = new Router();
        DescriptorChecks checks = new DescriptorChecks();
        new HealthEndpoints(services, authentication).register(router);
        new ProjectEndpoints(services).register(router);
        DescriptorEndpoints tables = new DescriptorEndpoints(services, checks, "table");
        tables.register(router);
        new TableEndpoints(services, tables).register(router);
        new DescriptorEndpoints(services, checks, "model").register(router);
        new DescriptorEndpoints(services, checks, "cube").register(router);
        new ValidationEndpoints(services, checks, new CuboidSampling(services.context())).register(router);
        new JobEndpoints(services).register(router);
        new SegmentEndpoints(services, checks).register(router);
        new PartitionEndpoints(services).register(router);
        new SqlEndpoints(services).register(router);
        new SavedQueryEndpoints(services).register(router);
        return router;
    }
}
