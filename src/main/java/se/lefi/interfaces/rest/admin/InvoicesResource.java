package se.lefi.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.lefi.application.billing.Invoicing;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.fees.Invoice;
import se.lefi.domain.fees.Sek;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.interfaces.rest.Problem;
import se.lefi.interfaces.rest.ProblemException;

/**
 * Monthly invoices for administrators: all organisations' totals, one organisation's invoice, and
 * both as CSV. Amounts are decimal strings with two decimals ("2150.00"), so no client reads money
 * as a binary floating-point number; the currency is SEK.
 */
@Path("admin/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoicesResource {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final String CSV_HEADER = "month,organisationNumber,name,kind,priceListValidFrom,item,description,quantity,unitPrice,amount,currency";

    @EJB
    Invoicing invoicing;

    public record Line(String item, String description, long quantity, String unitPrice, String amount) {
        static Line of(Invoice.Line l) {
            return new Line(l.item().name(), l.description(), l.quantity(), l.unitPrice().toPlainString(), l.amount().toPlainString());
        }
    }

    /** One organisation's invoice. */
    public record InvoiceJson(String organisationNumber, String name, String kind, String month, LocalDate priceListValidFrom,
                              String currency, List<Line> lines, String total) {
        static InvoiceJson of(Invoice i) {
            return new InvoiceJson(i.organisationNumber(), i.organisationName(), i.kind().name(), i.month().toString(),
                    i.priceListValidFrom(), i.currency(), i.lines().stream().map(Line::of).toList(), i.total().toPlainString());
        }
    }

    /** One organisation's row of the month's summary: the quantities and the total. */
    public record SummaryRow(String organisationNumber, String name, String kind, long fixedFee, long questions,
                             long refusedQuestions, long monitoredPersons, long notifications, String total) {
        static SummaryRow of(Invoice i) {
            return new SummaryRow(i.organisationNumber(), i.organisationName(), i.kind().name(), i.quantity(Invoice.Item.FIXED_FEE),
                    i.quantity(Invoice.Item.QUESTIONS), i.quantity(Invoice.Item.REFUSED_QUESTIONS),
                    i.quantity(Invoice.Item.MONITORED_PERSONS), i.quantity(Invoice.Item.NOTIFICATIONS), i.total().toPlainString());
        }
    }

    public record Summary(String month, LocalDate priceListValidFrom, String currency, List<SummaryRow> organisations, String total) {
    }

    @GET
    @Path("{month}")
    @Operation(summary = "Every organisation's invoice total for a month (yyyy-MM, Swedish time): those with an agreement in force or any use")
    public Response summary(@PathParam("month") String month) {
        Invoicing.MonthInvoices all = answer(() -> invoicing.invoices(parseMonth(month)));
        return Response.ok(new Summary(all.month().toString(), all.priceListValidFrom(), Sek.CURRENCY,
                all.invoices().stream().map(SummaryRow::of).toList(), all.total().toPlainString())).build();
    }

    @GET
    @Path("{month}/export.csv")
    @Produces("text/csv")
    @Operation(summary = "Every invoice line of a month as CSV, with a TOTAL line per organisation")
    public String summaryCsv(@PathParam("month") String month) {
        return csv(answer(() -> invoicing.invoices(parseMonth(month))).invoices());
    }

    @GET
    @Path("{month}/{number}")
    @Operation(summary = "An organisation's invoice for a month: price list, lines (quantity, unit price, amount) and total in SEK")
    public Response invoice(@PathParam("month") String month, @PathParam("number") String number) {
        YearMonth parsed = parseMonth(month);
        String organisation = organisationNumber(number);
        return Response.ok(InvoiceJson.of(answer(() -> invoicing.invoice(organisation, parsed)))).build();
    }

    @GET
    @Path("{month}/{number}.csv")
    @Produces("text/csv")
    @Operation(summary = "An organisation's invoice for a month as CSV: its lines and a TOTAL line")
    public String invoiceCsv(@PathParam("month") String month, @PathParam("number") String number) {
        YearMonth parsed = parseMonth(month);
        String organisation = organisationNumber(number);
        return csv(List.of(answer(() -> invoicing.invoice(organisation, parsed))));
    }

    /** RFC 4180, one line per invoice line, then the invoice's TOTAL line. */
    private static String csv(List<Invoice> invoices) {
        List<String> rows = new ArrayList<>();
        rows.add(CSV_HEADER);
        for (Invoice i : invoices) {
            for (Invoice.Line l : i.lines()) {
                rows.add(Csv.row(i.month(), i.organisationNumber(), i.organisationName(), i.kind(), i.priceListValidFrom(), l.item(),
                        l.description(), l.quantity(), l.unitPrice().toPlainString(), l.amount().toPlainString(), i.currency()));
            }
            rows.add(Csv.row(i.month(), i.organisationNumber(), i.organisationName(), i.kind(), i.priceListValidFrom(), "TOTAL",
                    "Total", null, null, i.total().toPlainString(), i.currency()));
        }
        return String.join("\r\n", rows) + "\r\n";
    }

    private static YearMonth parseMonth(String text) {
        try {
            if (text != null && MONTH.matcher(text).matches()) {
                return YearMonth.parse(text);
            }
        } catch (DateTimeParseException e) {
            // falls through to the problem below
        }
        throw new ProblemException(Problem.response(400, "INVALID_MONTH", "The month is yyyy-MM, e.g. 2026-05.", null));
    }

    /** The 10-digit form; an invalid number is a 400 that does not echo it. */
    private static String organisationNumber(String number) {
        if (number == null || !OrganisationNumber.isValid(number)) {
            throw new ProblemException(Problem.response(400, RefusalCode.INVALID_ORGANISATION_NUMBER.name(),
                    RefusalCode.INVALID_ORGANISATION_NUMBER.defaultMessage(), null));
        }
        return OrganisationNumber.parse(number).value();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws Invoicing.Refused;
    }

    private static <T> T answer(Call<T> call) {
        try {
            return call.run();
        } catch (Invoicing.Refused e) {
            int status = switch (e.reason()) {
                case MONTH_IN_FUTURE -> 400;
                case NO_PRICE_LIST, NOT_REGISTERED, NOT_INVOICED -> 404;
                case PRICE_LIST_INVALID -> 500;
            };
            throw new ProblemException(Problem.response(status, e.reason().name(), e.getMessage(), null));
        }
    }
}
