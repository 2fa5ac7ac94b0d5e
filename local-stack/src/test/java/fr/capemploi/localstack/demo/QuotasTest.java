package fr.capemploi.localstack.demo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotasTest {

    @Test
    void shareRoundsHalfUpAndNeverExceedsTheWhole() {
        assertThat(Quotas.share(0.51, 102)).isEqualTo(52);
        assertThat(Quotas.share(0.85, 102)).isEqualTo(87);
        assertThat(Quotas.share(0.47, 102)).isEqualTo(48);
        assertThat(Quotas.share(0.44, 102)).isEqualTo(45);
        assertThat(Quotas.share(0.5, 3)).isEqualTo(2);
        assertThat(Quotas.share(1.0, 7)).isEqualTo(7);
        assertThat(Quotas.share(0.0, 7)).isZero();
        assertThatThrownBy(() -> Quotas.share(1.2, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void apportionAddsUpExactlyAndFollowsTheWeights() {
        int[] parts = Quotas.apportion(3572, new double[] {1, 2, 3, 4}, 0);

        assertThat(Arrays.stream(parts).sum()).isEqualTo(3572);
        assertThat(parts).containsExactly(357, 714, 1072, 1429);
    }

    @Test
    void apportionGivesEachPartItsMinimumFirst() {
        int[] parts = Quotas.apportion(10, new double[] {100, 1, 1, 1}, 2);

        assertThat(parts).containsExactly(4, 2, 2, 2);
    }

    @Test
    void apportionPassesWhatACappedPartCannotTakeToTheOthers() {
        int[] parts = Quotas.apportion(100, new double[] {10, 1, 1}, new int[] {0, 0, 0}, new int[] {5, 1000, 1000});

        assertThat(parts[0]).isEqualTo(5);
        assertThat(parts[1] + parts[2]).isEqualTo(95);
        assertThat(Math.abs(parts[1] - parts[2])).isLessThanOrEqualTo(1);
    }

    @Test
    void apportionIsDeterministicOnTies() {
        assertThat(Quotas.apportion(5, new double[] {1, 1, 1}, 0)).containsExactly(2, 2, 1);
    }

    @Test
    void apportionRefusesImpossibleBounds() {
        assertThatThrownBy(() -> Quotas.apportion(3, new double[] {1, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quotas.apportion(10, new double[] {1, 1}, new int[] {0, 0}, new int[] {4, 4}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void apportionWithZeroWeightsSpreadsEvenly() {
        int[] parts = Quotas.apportion(7, new double[] {0, 0, 0}, 0);

        assertThat(Arrays.stream(parts).sum()).isEqualTo(7);
        assertThat(parts).containsExactly(3, 2, 2);
    }
}
