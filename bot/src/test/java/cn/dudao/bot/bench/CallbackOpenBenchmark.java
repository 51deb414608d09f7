package cn.dudao.bot.bench;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.testsupport.WeComCallbacks;
import cn.dudao.bot.wecom.callback.CallbackCrypto;
import cn.dudao.bot.wecom.callback.CallbackRejectedException;
import cn.dudao.bot.wecom.callback.InboundParser;
import cn.dudao.bot.wecom.callback.SealedCallback;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a node spends on a callback before any I/O: verify the signature, decrypt, check the receive
 * id, parse the inner XML ({@link CallbackCrypto#openMessage} + {@link InboundParser#parse}); and what
 * refusing a forged one costs. Run: {@code deploy/bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CallbackOpenBenchmark {

  private static final long NOW = 1_780_000_000L;

  private CallbackCrypto crypto;
  private InboundParser parser;
  private SealedCallback text;
  private byte[] textBody;
  private SealedCallback card;
  private byte[] cardBody;
  private String forgedSignature;

  @Setup
  public void setUp() {
    crypto = new CallbackCrypto(WeComCallbacks.properties(WeComCallbacks.CORP_ID),
        Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    parser = new InboundParser();
    String ts = Long.toString(NOW);
    text = crypto.seal(WeComCallbacks.textXml("lvliping", 7_000_000_000_000_000_001L, "达标"), ts, "1234567890");
    textBody = text.body().getBytes(StandardCharsets.UTF_8);
    card = crypto.seal(WeComCallbacks.cardEventXml("lvliping", NOW, "opt-met", "task-000123", "rc-abcdef"), ts,
        "1234567891");
    cardBody = card.body().getBytes(StandardCharsets.UTF_8);
    forgedSignature = (text.msgSignature().charAt(0) == 'a' ? "b" : "a") + text.msgSignature().substring(1);
  }

  @Benchmark
  public InboundMessage openTextMessage() {
    return parser.parse(crypto.openMessage(text.msgSignature(), text.timestamp(), text.nonce(), textBody));
  }

  @Benchmark
  public InboundMessage openCardEvent() {
    return parser.parse(crypto.openMessage(card.msgSignature(), card.timestamp(), card.nonce(), cardBody));
  }

  @Benchmark
  public Object refuseForgedSignature() {
    try {
      return crypto.openMessage(forgedSignature, text.timestamp(), text.nonce(), textBody);
    } catch (CallbackRejectedException expected) {
      return expected.reason();
    }
  }
}
