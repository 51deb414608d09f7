package cn.dudao.bot.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.plan.Household;
import cn.dudao.bot.plan.HouseholdCategory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HouseholdSamplerTest {

  private static List<Household> pool(int n) {
    List<Household> pool = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pool.add(new Household(1L, "户主" + i, String.format("1424**********%04d", i), HouseholdCategory.ORDINARY, 3, i));
    }
    return pool;
  }

  @Test
  void picksDistinctHouseholdsAndAtMostThePool() {
    List<Household> pool = pool(10);
    assertThat(HouseholdSampler.pick(pool, 4, new Random(1))).hasSize(4).doesNotHaveDuplicates().isSubsetOf(pool);
    assertThat(HouseholdSampler.pick(pool, 40, new Random(1))).hasSize(10).containsExactlyInAnyOrderElementsOf(pool);
    assertThat(HouseholdSampler.pick(pool, 0, new Random(1))).isEmpty();
  }

  @Test
  void theSameSeedPicksTheSameAndEveryHouseholdHasItsChance() {
    List<Household> pool = pool(10);
    assertThat(HouseholdSampler.pick(pool, 3, new Random(99))).isEqualTo(HouseholdSampler.pick(pool, 3, new Random(99)));
    Map<String, Integer> hits = new HashMap<>();
    Random random = new Random(2021);
    for (int i = 0; i < 10_000; i++) {
      HouseholdSampler.pick(pool, 3, random).forEach(h -> hits.merge(h.getHeadName(), 1, Integer::sum));
    }
    // Each household is drawn with probability 3/10: about 3,000 times in 10,000 draws.
    assertThat(hits).hasSize(10);
    assertThat(hits.values()).allSatisfy(n -> assertThat(n).isBetween(2_800, 3_200));
  }
}
