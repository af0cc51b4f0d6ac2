package se.lefi.interfaces.cli;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.time.SwedishTime;
import se.lefi.interfaces.rest.admin.ActorsAdminResource;
import se.lefi.interfaces.rest.admin.DisclosureReportResource;
import se.lefi.interfaces.rest.admin.OrganisationsResource;

/**
 * {@code bin/lefi admin}: the admin API's operations on a running server, one subcommand each. Request
 * bodies are the REST resources' own request types, so this client says what the API reads; codes (kinds,
 * purposes, information types, parties) are the API's enumerations, and picocli lists them on a mistake.
 */
// Inherited: every operation answers --help with its arguments and the codes they take.
@Command(name = "bin/lefi admin", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, subcommands = CommandLine.HelpCommand.class,
        description = "Talks to the admin API of a running server as the administrator. Dates are YYYY-MM-DD; lists are "
                + "comma-separated codes. Prints the server's JSON (or CSV); on a refusal also its code and message, and exits 1. "
                + "Exits 2 on a mistake in the command line. 'bin/lefi admin OPERATION --help' shows an operation's arguments "
                + "and the codes they take.")
// Each operation is a method: picocli exits 0 when it returns, and the handler below exits 1 on a refusal.
public final class AdminClient implements Runnable {
    @Mixin
    AdminConnection server;

    public static void main(String[] args) {
        System.exit(commandLine(new AdminClient()).execute(args));
    }

    /** The command with lefi's handling of refusals and unreachable servers: one line, exit 1. */
    public static CommandLine commandLine(Object command) {
        CommandLine line = new CommandLine(command);
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            String message = e instanceof AdminConnection.Refused ? e.getMessage()
                    : e instanceof ConnectException ? "cannot reach the server (" + e + ")"
                    : e.toString();
            failed.getErr().println("[lefi] " + message);
            failed.getErr().flush();
            return 1;
        });
        return line;
    }

    /** Without an operation: the list of operations. */
    @Override
    public void run() {
        server.printUsage();
    }

    private static LocalDate today() {
        return LocalDate.now(SwedishTime.clock());
    }

    // Organisations and the connection lifecycle.

    @Command(name = "organisations", description = "list every organisation with its state")
    void organisations() throws Exception {
        server.get("/organisations");
    }

    @Command(name = "organisation", description = "one organisation: agreement, assignments, certificates, web users")
    void organisation(@Parameters(paramLabel = "NUMBER") String number) throws Exception {
        server.get("/organisations/" + number);
    }

    @Command(name = "register", description = "a connection request (anmälan)")
    void register(@Parameters(paramLabel = "NUMBER") String number, @Parameters(paramLabel = "NAME") String name,
                  @Parameters(paramLabel = "KIND", description = "${COMPLETION-CANDIDATES}") PartyKind kind,
                  @Parameters(paramLabel = "INTERFACES", split = ",", description = "of ${COMPLETION-CANDIDATES}") Set<ServiceInterface> interfaces,
                  @Parameters(paramLabel = "PURPOSES", split = ",", description = "of ${COMPLETION-CANDIDATES}") Set<Purpose> purposes,
                  @Parameters(paramLabel = "CONTACT") String contact) throws Exception {
        OrganisationsResource.RegistrationRequest body = new OrganisationsResource.RegistrationRequest();
        body.organisationNumber = number;
        body.name = name;
        body.kind = kind;
        body.interfaces = interfaces;
        body.purposes = purposes;
        body.contact = contact;
        server.send("POST", "/organisations", body);
    }

    @Command(name = "send-agreement", description = "send the agreement covering information TYPES")
    void sendAgreement(@Parameters(paramLabel = "NUMBER") String number,
                       @Parameters(paramLabel = "TYPES", split = ",", description = "of ${COMPLETION-CANDIDATES}") Set<InformationType> types,
                       @Parameters(paramLabel = "LONG_PERIODS", arity = "0..1", description = "yes to allow periods over two years") String longPeriods)
            throws Exception {
        OrganisationsResource.AgreementRequest body = new OrganisationsResource.AgreementRequest();
        body.informationTypes = types;
        body.longPeriodsAllowed = "yes".equals(longPeriods);
        server.send("POST", "/organisations/" + number + "/agreement", body);
    }

    @Command(name = "sign", description = "record one party's signature (default today)")
    void sign(@Parameters(paramLabel = "NUMBER") String number,
              @Parameters(paramLabel = "PARTY", description = "${COMPLETION-CANDIDATES}") Agreement.Party party,
              @Parameters(paramLabel = "DATE", arity = "0..1") LocalDate on) throws Exception {
        OrganisationsResource.SignatureRequest body = new OrganisationsResource.SignatureRequest();
        body.party = party;
        body.signedOn = on == null ? today() : on;
        server.send("POST", "/organisations/" + number + "/agreement/signatures", body);
    }

    @Command(name = "terminate", description = "terminate the service from DATE")
    void terminate(@Parameters(paramLabel = "NUMBER") String number, @Parameters(paramLabel = "NAME") String name,
                   @Parameters(paramLabel = "DATE") LocalDate from) throws Exception {
        OrganisationsResource.TerminationRequest body = new OrganisationsResource.TerminationRequest();
        body.name = name;
        body.from = from;
        server.send("POST", "/organisations/" + number + "/termination", body);
    }

    @Command(name = "assign", description = "start an agent's assignment from a principal (default today)")
    void assign(@Parameters(paramLabel = "AGENT") String agent, @Parameters(paramLabel = "PRINCIPAL") String principal,
                @Parameters(paramLabel = "DATE", arity = "0..1") LocalDate from) throws Exception {
        OrganisationsResource.AssignmentRequest body = new OrganisationsResource.AssignmentRequest();
        body.principal = principal;
        body.from = from == null ? today() : from;
        server.send("POST", "/organisations/" + agent + "/assignments", body);
    }

    @Command(name = "cease", description = "the assignment ceases from DATE")
    void cease(@Parameters(paramLabel = "AGENT") String agent, @Parameters(paramLabel = "PRINCIPAL") String principal,
               @Parameters(paramLabel = "DATE") LocalDate from) throws Exception {
        OrganisationsResource.CessationRequest body = new OrganisationsResource.CessationRequest();
        body.from = from;
        server.send("POST", "/organisations/" + agent + "/assignments/" + principal + "/cessation", body);
    }

    // Actors (aktörer) of LEFI Förmånsinformation v9 and SSBTEK.

    @Command(name = "actors", description = "list every actor registration")
    void actors() throws Exception {
        server.get("/actors");
    }

    @Command(name = "actor", description = "one actor: organisation, principal, purpose, basis")
    void actor(@Parameters(paramLabel = "ACTOR_ID") String actorId) throws Exception {
        server.get("/actors/" + actorId);
    }

    @Command(name = "register-actor", description = "register the actor id the agency issued for organisation NUMBER, "
            + "asking under PURPOSE; an agent (ombud) names the PRINCIPAL it acts for")
    void registerActor(@Parameters(paramLabel = "ACTOR_ID") String actorId, @Parameters(paramLabel = "NUMBER") String number,
                       @Parameters(paramLabel = "PURPOSE", description = "${COMPLETION-CANDIDATES}") Purpose purpose,
                       @Parameters(paramLabel = "PRINCIPAL", arity = "0..1") String principal) throws Exception {
        ActorsAdminResource.RegistrationRequest body = new ActorsAdminResource.RegistrationRequest();
        body.actorId = actorId;
        body.organisationNumber = number;
        body.purpose = purpose;
        body.principal = principal;
        server.send("POST", "/actors", body);
    }

    @Command(name = "end-actor", description = "end the registration from DATE (default today: at once)")
    void endActor(@Parameters(paramLabel = "ACTOR_ID") String actorId, @Parameters(paramLabel = "DATE", arity = "0..1") LocalDate from)
            throws Exception {
        ActorsAdminResource.EndRequest body = new ActorsAdminResource.EndRequest();
        body.from = from == null ? today() : from;
        server.send("POST", "/actors/" + actorId + "/ending", body);
    }

    // Certificates and web users.

    @Command(name = "bind-certificate", description = "bind a client certificate to the organisation its subject names; "
            + "from the first binding only bound certificates identify the organisation")
    void bindCertificate(@Parameters(paramLabel = "NUMBER") String number, @Parameters(paramLabel = "PEM_FILE") Path pem) throws Exception {
        OrganisationsResource.CertificateRequest body = new OrganisationsResource.CertificateRequest();
        body.certificate = Files.readString(pem);
        server.send("POST", "/organisations/" + number + "/certificates", body);
    }

    @Command(name = "unbind-certificate", description = "unbind at once (SHA-256, hex)")
    void unbindCertificate(@Parameters(paramLabel = "NUMBER") String number, @Parameters(paramLabel = "FINGERPRINT") String fingerprint)
            throws Exception {
        server.send("DELETE", "/organisations/" + number + "/certificates/" + fingerprint, null);
    }

    @Command(name = "web-user", description = "register an access-rights decision (behörighetsbeslut) signed by MANAGER on DATE (default today)")
    void webUser(@Parameters(paramLabel = "NUMBER") String number, @Parameters(paramLabel = "PERSONNUMMER") String personId,
                 @Parameters(paramLabel = "NAME") String name, @Parameters(paramLabel = "MANAGER") String manager,
                 @Parameters(paramLabel = "DATE", arity = "0..1") LocalDate on) throws Exception {
        OrganisationsResource.WebUserRequest body = new OrganisationsResource.WebUserRequest();
        body.personId = personId;
        body.name = name;
        body.decidedBy = manager;
        body.decidedOn = on == null ? today() : on;
        server.send("POST", "/organisations/" + number + "/web-users", body);
    }

    @Command(name = "deregister", description = "deregister a web user from DATE (default today: at once)")
    void deregister(@Parameters(paramLabel = "NUMBER") String number, @Parameters(paramLabel = "USER_ID") long userId,
                    @Parameters(paramLabel = "DATE", arity = "0..1") LocalDate from) throws Exception {
        OrganisationsResource.DeregistrationRequest body = new OrganisationsResource.DeregistrationRequest();
        body.from = from == null ? today() : from;
        server.send("POST", "/organisations/" + number + "/web-users/" + userId + "/deregistration", body);
    }

    // Subscriptions.

    @Command(name = "feed", description = "an organisation's feed: persons monitored, notifications this month, positions, "
            + "push delivery and its last error")
    void feed(@Parameters(paramLabel = "NUMBER") String number) throws Exception {
        server.get("/feeds/" + number);
    }

    @Command(name = "push-endpoint", description = "push the feed to an https URL (mutual TLS), or stop with none")
    void pushEndpoint(@Parameters(paramLabel = "NUMBER") String number, @Parameters(paramLabel = "URL|none") String url) throws Exception {
        // The resource reads a map; null stops pushing.
        server.send("PUT", "/feeds/" + number + "/push-endpoint", "none".equals(url) ? Collections.singletonMap("url", null)
                : Map.of("url", url));
    }

    @Command(name = "backlog", description = "the register's last change and the last one notified")
    void backlog() throws Exception {
        server.get("/subscriptions/backlog");
    }

    @Command(name = "delays", description = "delay from change to notification after change number CHANGE (default 0)")
    void delays(@Parameters(paramLabel = "CHANGE", arity = "0..1", defaultValue = "0") long afterChange) throws Exception {
        server.get("/subscriptions/delays?afterChange=" + afterChange);
    }

    @Command(name = "sweep", description = "end now the subscriptions whose decision no longer holds")
    void sweep() throws Exception {
        server.send("POST", "/subscriptions/sweep", null);
    }

    // Invoices.

    @Command(name = "invoice", description = "the month's invoices (the current month so far): every organisation's quantities "
            + "and total, or one organisation's invoice lines; --csv for CSV (without NUMBER: every line of the month)")
    void invoice(@Parameters(paramLabel = "MONTH", description = "YYYY-MM") YearMonth month,
                 @Parameters(paramLabel = "NUMBER", arity = "0..1") String number, @Option(names = "--csv") boolean csv) throws Exception {
        if (number != null) {
            server.get("/invoices/" + month + "/" + number + (csv ? ".csv" : ""));
        } else {
            server.get("/invoices/" + month + (csv ? "/export.csv" : ""));
        }
    }

    // Service levels.

    @Command(name = "service-windows", description = "open or closed now and why; opening hours; maintenance")
    void serviceWindows() throws Exception {
        server.get("/service-windows");
    }

    @Command(name = "maintenance", description = "plan a maintenance window (ISO date-times with offset, e.g. 2026-12-24T06:00+01:00): "
            + "questions are refused with OUTSIDE_SERVICE_HOURS in it, on every node")
    void maintenance(@Parameters(paramLabel = "FROM") String from, @Parameters(paramLabel = "TO") String to,
                     @Parameters(paramLabel = "REASON") String reason) throws Exception {
        // The resource reads these three from a JSON object and answers each mistake with its own code.
        server.send("POST", "/service-windows", Map.of("from", from, "to", to, "reason", reason));
    }

    @Command(name = "cancel-maintenance", description = "remove a planned window")
    void cancelMaintenance(@Parameters(paramLabel = "ID") long id) throws Exception {
        server.send("DELETE", "/service-windows/" + id, null);
    }

    @Command(name = "sla", description = "the SLA report for YYYY-MM: availability and response times (p50/p95/p99) per interface")
    void sla(@Parameters(paramLabel = "MONTH") YearMonth month, @Parameters(paramLabel = "csv", arity = "0..1") String csv) throws Exception {
        server.get("/sla/" + month + ("csv".equals(csv) ? "/report.csv" : ""));
    }

    @Command(name = "database", description = "the database and the state of each schema migration")
    void database() throws Exception {
        server.get("/database");
    }

    // Audit.

    @Command(name = "audit", description = "search the disclosure audit log")
    void audit(@Parameters(paramLabel = "FILTER", arity = "0..*",
            description = "organisation=N person=P outcome=O from=ISO to=ISO max=N") List<String> filters) throws Exception {
        server.get("/audit" + AdminConnection.query(filters));
    }

    @Command(name = "audit-csv", description = "the same, as CSV")
    void auditCsv(@Parameters(paramLabel = "FILTER", arity = "0..*") List<String> filters) throws Exception {
        server.get("/audit/export.csv" + AdminConnection.query(filters));
    }

    @Command(name = "verify-audit", description = "check the audit log's hash chains")
    void verifyAudit() throws Exception {
        server.get("/audit/verification");
    }

    @Command(name = "audit-export", description = "write the signed archive of both chains sealed from FROM to TO "
            + "(dates, UTC midnight, or ISO-8601 instants) to FILE (bin/lefi audit export)")
    void auditExport(@Parameters(paramLabel = "FROM") String from, @Parameters(paramLabel = "TO") String to,
                     @Parameters(paramLabel = "FILE") Path file) throws Exception {
        server.download("/audit/archive" + AdminConnection.query(List.of("from=" + instant(from), "to=" + instant(to))), null, file);
    }

    private static String instant(String dateOrInstant) {
        return dateOrInstant.matches("\\d{4}-\\d{2}-\\d{2}") ? dateOrInstant + "T00:00:00Z" : dateOrInstant;
    }

    @Command(name = "alerts", description = "the anomaly alerts, newest first (rule, caller, window, observed, threshold)")
    void alerts(@Parameters(paramLabel = "FILTER", arity = "0..*", description = "max=N") List<String> filters) throws Exception {
        server.get("/alerts" + AdminConnection.query(filters));
    }

    @Command(name = "disclosure-report", description = "the individual's disclosure report (registerutdrag över utlämnanden) "
            + "for the days FROM to TO: every disclosure, subscription and refused attempt; with --pdf, the letter in Swedish")
    void disclosureReport(@Parameters(paramLabel = "PERSON") String personId, @Parameters(paramLabel = "FROM") LocalDate from,
                          @Parameters(paramLabel = "TO") LocalDate to, @Option(names = "--pdf", paramLabel = "FILE") Path pdf) throws Exception {
        DisclosureReportResource.ReportRequest body = new DisclosureReportResource.ReportRequest();
        body.personId = personId;
        body.from = from;
        body.to = to;
        if (pdf != null) {
            server.download("/disclosure-reports/letter", body, pdf);
        } else {
            server.send("POST", "/disclosure-reports", body);
        }
    }

    @Command(name = "actions", description = "the administrators' action log")
    void actions(@Parameters(paramLabel = "FILTER", arity = "0..*", description = "max=N") List<String> filters) throws Exception {
        server.get("/actions" + AdminConnection.query(filters));
    }

    @Command(name = "actions-csv", description = "the same, as CSV")
    void actionsCsv() throws Exception {
        server.get("/actions/export.csv");
    }
}
