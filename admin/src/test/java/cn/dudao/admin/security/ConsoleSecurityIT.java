package cn.dudao.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.AdminApplication;
import cn.dudao.bot.testsupport.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The console refuses strangers, demands CSRF tokens, and locks an account after five wrong passwords. */
@SpringBootTest(classes = AdminApplication.class, properties = "dudao.console.admin-password=correct-horse-battery")
@AutoConfigureMockMvc
class ConsoleSecurityIT {

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @Autowired
  MockMvc mvc;
  @Autowired
  ConsoleUserRepository users;
  @Autowired
  org.springframework.security.web.FilterChainProxy filterChains;

  @Test
  void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/simulator/api/people")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/login")).andExpect(status().isOk());
  }

  @Test
  void theWeComCallbackHasItsOwnLeanChainAndNoSession() throws Exception {
    var chains = filterChains.getFilterChains();
    var callback = new org.springframework.mock.web.MockHttpServletRequest("POST", "/wecom/callback");
    callback.setServletPath("/wecom/callback");
    var first = chains.stream().filter(c -> c.matches(callback)).findFirst().orElseThrow();
    assertThat(first.getFilters().stream().map(f -> f.getClass().getSimpleName()))
        .as("no session, context, CSRF, request cache or authorization work on the callback")
        .doesNotContain("CsrfFilter", "SecurityContextHolderFilter", "RequestCacheAwareFilter",
            "AuthorizationFilter", "AnonymousAuthenticationFilter", "SessionManagementFilter",
            "UsernamePasswordAuthenticationFilter", "SecurityContextHolderAwareRequestFilter");
    // No CSRF token, no login: the controller answers (here: no signature, a bad request), no session.
    var result = mvc.perform(post("/wecom/callback").contentType(MediaType.TEXT_XML).content("<xml/>"))
        .andExpect(status().isBadRequest()).andReturn();
    assertThat(result.getRequest().getSession(false)).isNull();
    // The console still demands a login.
    mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
  }

  @Test
  void theFirstAdminLogsInWithTheConfiguredPassword() throws Exception {
    mvc.perform(formLogin().user("admin").password("correct-horse-battery")).andExpect(authenticated());
    mvc.perform(formLogin().user("admin").password("wrong")).andExpect(unauthenticated());
  }

  @Test
  void simulatorPostsNeedACsrfTokenAndAnAllowedRole() throws Exception {
    String body = "{\"user\":\"lvliping\",\"text\":\"开始\"}";
    mvc.perform(post("/simulator/api/text").with(user("admin").roles("COUNTY_ADMIN"))
        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
    mvc.perform(post("/simulator/api/text").with(user("viewer").roles("VIEWER")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
    // A team leader or a unit contact must not speak, or read transcripts, as someone else.
    for (String role : new String[] {"TEAM_LEADER", "UNIT_CONTACT"}) {
      mvc.perform(post("/simulator/api/text").with(user("someone").roles(role)).with(csrf())
          .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
      mvc.perform(get("/simulator/api/transcript").param("user", "lvliping").with(user("someone").roles(role)))
          .andExpect(status().isForbidden());
      mvc.perform(get("/simulator").with(user("someone").roles(role))).andExpect(status().isForbidden());
    }
    mvc.perform(post("/simulator/api/text").with(user("admin").roles("COUNTY_ADMIN")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isAccepted());
  }

  @Test
  void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
    users.save(new ConsoleUser("leader1", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
        .encode("leader-pass"), "组长", ConsoleUser.Role.TEAM_LEADER, null, null, java.time.Instant.now()));
    for (int i = 0; i < ConsoleAccounts.MAX_ATTEMPTS; i++) {
      mvc.perform(formLogin().user("leader1").password("nope")).andExpect(unauthenticated());
    }
    assertThat(users.findByUsername("leader1").orElseThrow().getLockedUntil()).isNotNull();
    mvc.perform(formLogin().user("leader1").password("leader-pass")).andExpect(unauthenticated());
  }
}
