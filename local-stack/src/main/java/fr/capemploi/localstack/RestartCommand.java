package fr.capemploi.localstack;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./suite restart COMPONENT}: asks the running launcher to restart one part of the stack. */
@Command(name = "restart", description = "Stop and start one part of the running stack, wait until ready.")
final class RestartCommand extends LauncherCommand {

    @Parameters(paramLabel = "COMPONENT", description = "postgres, kafka, beneficiary, cep, cpf, reporting, or one "
            + "instance: kafka-2, reporting-service-2...")
    String component;

    @Override
    int run() {
        out.println("Restarting " + component + "...");
        out.flush();
        return controlRequest("restart " + component, "restart", Duration.ofMinutes(5));
    }
}
