package fr.capemploi.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The planner's output, every person, action and figure of it, for two seeds and scales, is the one the planner
 * produced before it was split into phases (SHA-256 of the plan's text): a change to a phase that moves a random draw
 * or reorders a step shows here, before the calibration drifts.
 */
class NetworkPlanFingerprintTest {

    @ParameterizedTest
    @CsvSource({"0.01, 2016, d4526bfa72dd98d0835c080ff4c52f59739dc605ac065e1a8ee00a991c9868db",
        "0.03, 42, e6940fd7c6e5297dfbf9ec6ec03ade9dfea80cc47e96352036a13dc729c8ed76"})
    void thePlanIsTheOneOfTheUnsplitPlanner(double scale, long seed, String fingerprint)
            throws NoSuchAlgorithmException {
        String text = NetworkPlanner.plan(scale, seed).toString();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(fingerprint);
    }
}
