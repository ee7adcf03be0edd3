package org.rtds.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The RTDS HTTP API under {@code /rtds/api}; every resource needs an RTDS account (HTTP Basic) or
 * API token (Bearer).
 */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "RTDS API",
            version = "v1",
            description =
                "Radiation Therapy Decision Support: ingestion, DVH/OVH/STS features and similar-plan "
                    + "evidence. Errors are application/problem+json (RFC 9457)."),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(
    securitySchemeName = "basic",
    type = SecuritySchemeType.HTTP,
    scheme = "basic",
    description = "an RTDS account (auth_user)")
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "an RTDS API token (rtds_…), made by an administrator: POST /api/v1/admin/tokens")
public class RestConfiguration extends Application {}
