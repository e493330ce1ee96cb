package uk.safeguarding.notification.shared.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.time.Duration;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * The service's security, two filter chains, both authorised by the one {@link AccessMatrix}:
 * <ul>
 *   <li>{@code /inbox/**} and {@code /operations/**} (people in a browser): form sign-in with local accounts from the {@code person} table
 *   (BCrypt), and OIDC sign-in ({@code oauth2Login}) when an OIDC client registration is configured
 *   ({@code spring.security.oauth2.client.registration.*}); CSRF on every form; a session that idles out after
 *   {@code notification.inbox.session-timeout}. A signed-in person refused by the matrix sees the not-found page (404),
 *   as for another organisation's alert.</li>
 *   <li>everything else ({@code /api/**}, actuator, API docs, the error page): stateless, no CSRF (no cookies are
 *   used), HTTP Basic with the same local accounts ({@code notification.security.basic-auth}, default on) and, when
 *   {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} is set, bearer tokens whose
 *   claims name the organisation and roles ({@link TokenClaims}). Refusals are problem+json 401/403.</li>
 * </ul>
 * Both send a Content-Security-Policy, X-Frame-Options DENY, nosniff, Referrer-Policy no-referrer, HSTS on HTTPS and
 * Cache-Control no-store.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);

    /** Pages: only this site; no external scripts, styles, fonts, frames or form targets. */
    static final String PAGES_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** JSON: nothing may be loaded or framed. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    /** Swagger UI (signed in only) needs its own scripts, styles and inline images. */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Where the inbox's OIDC sign-in starts and where the provider sends people back (redirect URI). */
    static final String OIDC_AUTHORIZATION_BASE = "/inbox/oauth2/authorization";
    static final String OIDC_REDIRECT_BASE = "/inbox/oauth2/code/*";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    TokenClaims tokenClaims(@Value("${notification.security.claims.organisation:org}") String organisationClaim,
                            @Value("${notification.security.claims.roles:roles}") String rolesClaim) {
        return new TokenClaims(organisationClaim, rolesClaim);
    }

    @Bean
    @Order(1)
    SecurityFilterChain inboxSecurity(HttpSecurity http, Callers callers, TokenClaims claims,
                                      ObjectProvider<ClientRegistrationRepository> oidcClients,
                                      SignInThrottling throttling,
                                      @Value("${notification.inbox.session-timeout:30m}") Duration sessionTimeout)
            throws Exception {
        AuthenticationSuccessHandler signedIn = withSessionTimeout(sessionTimeout, callers);
        // the operations console is a page like the inbox's: the same sign-in, session, CSRF and not-found page
        http.securityMatcher("/inbox", "/inbox/**", "/operations", "/operations/**")
                .authorizeHttpRequests(auth -> auth.anyRequest()
                        .access(new AccessMatrixAuthorization(AccessMatrix.standard(), callers)))
                .formLogin(form -> form
                        .loginPage("/inbox/sign-in")
                        .loginProcessingUrl("/inbox/sign-in")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(signedIn)
                        .failureHandler((request, response, failure) -> {
                            // the page offers the email again (kept in the session, never in the address); the
                            // password never
                            SignInPages.rememberTypedEmail(request);
                            response.sendRedirect(request.getContextPath() + "/inbox/sign-in?error");
                        }))
                .logout(logout -> logout
                        .logoutUrl("/inbox/sign-out")
                        .logoutSuccessUrl("/inbox/sign-in?signed-out")
                        .deleteCookies("JSESSIONID"))
                .addFilterBefore(throttling.filter(), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.invalidSessionUrl("/inbox/sign-in?timed-out"))
                .exceptionHandling(e -> e.accessDeniedHandler(notFoundUnlessCsrf(callers)))
                .headers(headers -> securityHeaders(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CONTENT_SECURITY_POLICY)));
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        if (clients != null) {
            http.oauth2Login(oidc -> oidc
                    .loginPage("/inbox/sign-in")
                    .authorizationEndpoint(a -> a.baseUri(OIDC_AUTHORIZATION_BASE))
                    .redirectionEndpoint(r -> r.baseUri(OIDC_REDIRECT_BASE))
                    .userInfoEndpoint(u -> u.oidcUserService(oidcPeople(claims)))
                    .successHandler(signedIn)
                    .failureUrl("/inbox/sign-in?error"));
            log.info("Inbox: OIDC sign-in enabled");
        }
        return http.build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain apiSecurity(HttpSecurity http, Callers callers, TokenClaims claims,
                                    ObjectProvider<JwtDecoder> jwtDecoder, SignInThrottling throttling,
                                    @Value("${notification.security.basic-auth:true}") boolean basicAuth)
            throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        ProblemAnswers problems = new ProblemAnswers(basicAuth, decoder != null);
        RequestMatcher apiDocs = new OrRequestMatcher(antMatcher("/swagger-ui/**"), antMatcher("/swagger-ui.html"));
        http.securityMatcher("/**")
                .authorizeHttpRequests(auth -> auth.anyRequest()
                        .access(new AccessMatrixAuthorization(AccessMatrix.standard(), callers)))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> securityHeaders(headers)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(apiDocs,
                                new ContentSecurityPolicyHeaderWriter(API_DOCS_CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiDocs),
                                new ContentSecurityPolicyHeaderWriter(API_CONTENT_SECURITY_POLICY))));
        if (basicAuth) {
            http.httpBasic(basic -> basic.realmName(ProblemAnswers.REALM).authenticationEntryPoint(problems))
                    .addFilterBefore(throttling.filter(), BasicAuthenticationFilter.class);
        } else {
            http.httpBasic(basic -> basic.disable());
        }
        if (decoder != null) {
            http.oauth2ResourceServer(resource -> resource
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token -> claims.read(token.getClaims())
                            .map(person -> new BearerCaller(token, person))
                            .orElseThrow(() -> new InvalidBearerTokenException(
                                    "the token does not name an organisation and a known role")))));
            log.info("APIs: bearer tokens accepted");
        }
        return http.build();
    }

    private static HeadersConfigurer<HttpSecurity> securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        return headers
                .contentTypeOptions(c -> { })
                .cacheControl(c -> { })
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny());
    }

    /**
     * Signed-in people refused by the matrix in the inbox see the not-found page, as for an alert that is not theirs
     * (a page's existence is not revealed); a missing or wrong CSRF token is a 403 page saying the form was not sent
     * and why. A session whose person no
     * longer exists (removed since signing in) is ended and sent to sign in again.
     */
    private static AccessDeniedHandler notFoundUnlessCsrf(Callers callers) {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        String forwarded = WebSecurityConfiguration.class.getName() + ".refused";
        return (request, response, denied) -> {
            if (denied instanceof CsrfException && request.getAttribute(forwarded) == null) {
                request.setAttribute(forwarded, Boolean.TRUE);
                request.getRequestDispatcher("/inbox/form-expired").forward(request, response);
            } else if (denied instanceof CsrfException) {
                forbidden.handle(request, response, denied);
            } else if (callers.current(SecurityContextHolder.getContext().getAuthentication()).isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/inbox/sign-in");
            } else if (request.getAttribute(forwarded) != null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else {
                request.setAttribute(forwarded, Boolean.TRUE);
                request.getRequestDispatcher("/inbox/not-found").forward(request, response);
            }
        };
    }

    /** OIDC sign-in: the ID token's claims must name the person's organisation and a known role, or sign-in fails. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcPeople(TokenClaims claims) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            SignedInPerson person = claims.read(user.getClaims()).orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error("access_denied", "no organisation or role in the identity token", null)));
            return new DefaultOidcUser(person.caller().roles().stream()
                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList(),
                    user.getIdToken(), user.getUserInfo());
        };
    }

    /** After signing in: the inbox session idles out after {@code timeout}, then back to the page asked for. */
    private static AuthenticationSuccessHandler withSessionTimeout(Duration timeout, Callers callers) {
        // back to the page the person was on their way to; otherwise to their work (Landing)
        SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) {
                return Landing.after(callers.current(authentication).map(p -> p.caller().roles())
                        .orElse(java.util.Set.of()));
            }
        };
        return new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, ServletException {
                request.getSession().setMaxInactiveInterval((int) Math.max(60, timeout.toSeconds()));
                target.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }
}
