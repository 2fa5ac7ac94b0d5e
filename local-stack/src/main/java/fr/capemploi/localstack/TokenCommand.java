package fr.capemploi.localstack;

import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./suite token ROLE [STRUCTURE_ID] [--counsellor ID]}: a bearer token the running stack accepts. */
@Command(name = "token", description = "Print a bearer token the running stack accepts.")
final class TokenCommand extends LauncherCommand {

    @Parameters(index = "0", paramLabel = "ROLE")
    String role;

    @Parameters(index = "1", paramLabel = "STRUCTURE_ID", arity = "0..1")
    UUID structureId;

    @Option(names = "--counsellor", paramLabel = "COUNSELLOR_ID",
            description = "the counsellor the token belongs to (claim counsellor_id)")
    UUID counsellorId;

    @Override
    int run() {
        SigningKeys keys = SigningKeys.loadOrCreate(dataDirectory.resolve("keys"));
        out.println(new TokenMinter(keys.privateKey(), issuer()).mint(role.toLowerCase(Locale.ROOT), structureId,
                counsellorId));
        return 0;
    }
}
