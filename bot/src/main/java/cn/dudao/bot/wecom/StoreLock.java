package cn.dudao.bot.wecom;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;

/**
 * A lease lock in the shared store (SET NX PX, compare-and-delete), used by WxJava around token
 * refreshes. The lease expires by itself if its holder dies.
 */
final class StoreLock implements Lock {

  private static final Duration LEASE = Duration.ofSeconds(10);
  private static final long WAIT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final KeyValueStore store;
  private final String key;
  private final String owner = UUID.randomUUID().toString();

  StoreLock(KeyValueStore store, String key) {
    this.store = store;
    this.key = key;
  }

  @Override
  public void lock() {
    while (!tryLock()) {
      LockSupport.parkNanos(WAIT_STEP_NANOS);
    }
  }

  @Override
  public void lockInterruptibly() throws InterruptedException {
    while (!tryLock()) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      LockSupport.parkNanos(WAIT_STEP_NANOS);
    }
  }

  @Override
  public boolean tryLock() {
    return store.putIfAbsent(key, owner, LEASE);
  }

  @Override
  public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(time);
    while (!tryLock()) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      LockSupport.parkNanos(WAIT_STEP_NANOS);
    }
    return true;
  }

  @Override
  public void unlock() {
    store.deleteIfEquals(key, owner);
  }

  @Override
  public Condition newCondition() {
    throw new UnsupportedOperationException("conditions are not supported by a lease lock");
  }
}
