package fr.capemploi.localstack;

import fr.capemploi.localstack.demo.DemoCommand;

import java.net.URI;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./suite demo}: loads the demo network into the running stack through its REST API. */
@Command(name = "demo", description = "Load the national demo network into the running stack (REST API only).")
final class DemoLoadCommand extends LauncherCommand {

    @Mixin
    DemoOptions demoOptions;

    @Override
    int run() {
        DemoCommand.Options options = demoOptions.options();
        if (runningLauncher().isEmpty()) {
            err.println("suite: no stack is running from " + dataDirectory + "; start it with ./suite up -d (or use "
                    + "./suite up --demo)");
            return 1;
        }
        Map<SuiteService, URI> services = DemoCommand.runningStack(dataDirectory);
        SigningKeys keys = SigningKeys.loadOrCreate(dataDirectory.resolve("keys"));
        DemoCommand.Run run = DemoCommand.run(services, new TokenMinter(keys.privateKey(), issuer()), options, out,
                ProgressBoard.terminalCanRedraw());
        return run.succeeded() ? 0 : 1;
    }
}
