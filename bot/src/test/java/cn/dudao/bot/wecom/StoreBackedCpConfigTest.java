package cn.dudao.bot.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared WeCom token is read from the store once and then remembered briefly, so sends cost no
 * store round trip for it; expiring it (WxJava does on 42001/40014) or storing a new one forgets the
 * memo at once, so the next call reads the store again.
 */
class StoreBackedCpConfigTest {

  private final KeyValueStore store = mock(KeyValueStore.class);
  private final StoreBackedCpConfig config = new StoreBackedCpConfig(store);

  {
    // WxJava derives the token's key from the corp and agent
    config.setCorpId("ww1234567890abcdef");
    config.setAgentId(1000002);
  }

  @Test
  void aValidTokenIsReadOnceForManySends() {
    when(store.ttl(anyString())).thenReturn(Optional.of(Duration.ofSeconds(7000)));
    when(store.get(anyString())).thenReturn(Optional.of("token-1"));

    for (int i = 0; i < 100; i++) {
      assertThat(config.isAccessTokenExpired()).isFalse();
      assertThat(config.getAccessToken()).isEqualTo("token-1");
    }

    verify(store, times(1)).ttl(anyString());
    verify(store, times(1)).get(anyString());
  }

  @Test
  void expiringTheTokenForgetsTheMemoAndTheStoreDecides() {
    when(store.ttl(anyString())).thenReturn(Optional.of(Duration.ofSeconds(7000)));
    when(store.get(anyString())).thenReturn(Optional.of("token-1"));
    assertThat(config.isAccessTokenExpired()).isFalse();

    config.expireAccessToken();
    when(store.ttl(anyString())).thenReturn(Optional.empty());

    assertThat(config.isAccessTokenExpired()).as("42001: the next send fetches a new token").isTrue();
    verify(store).expire(anyString(), any(Duration.class));
  }

  @Test
  void aNewTokenReplacesTheRememberedOne() {
    when(store.ttl(anyString())).thenReturn(Optional.of(Duration.ofSeconds(7000)));
    when(store.get(anyString())).thenReturn(Optional.of("token-1"));
    assertThat(config.isAccessTokenExpired()).isFalse();

    config.updateAccessToken("token-2", 7200);
    when(store.get(anyString())).thenReturn(Optional.of("token-2"));

    assertThat(config.isAccessTokenExpired()).isFalse();
    assertThat(config.getAccessToken()).isEqualTo("token-2");
  }

  @Test
  void aReadThatOverlapsAnExpiryDoesNotBringTheRefusedTokenBack() {
    when(store.ttl(anyString())).thenReturn(Optional.of(Duration.ofSeconds(7000)));
    // One sender reads the token; while its read is in flight another sender's 42001 expires it.
    when(store.get(anyString())).thenAnswer(read -> {
      config.expireAccessToken();
      return Optional.of("token-refused");
    });
    assertThat(config.isAccessTokenExpired()).as("the first sender saw the old token").isFalse();

    when(store.ttl(anyString())).thenReturn(Optional.empty());
    assertThat(config.isAccessTokenExpired()).as("the next send asks the store again, which has none").isTrue();
  }

  @Test
  void anExpiredOrMissingTokenIsNeverRemembered() {
    when(store.ttl(anyString())).thenReturn(Optional.empty());
    assertThat(config.isAccessTokenExpired()).isTrue();
    assertThat(config.isAccessTokenExpired()).isTrue();
    verify(store, times(2)).ttl(anyString());
  }
}
