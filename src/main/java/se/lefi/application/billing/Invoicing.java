package se.lefi.application.billing;

import se.lefi.domain.time.SwedishTime;
import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import se.lefi.domain.fees.Invoice;
import se.lefi.domain.fees.PriceList;
import se.lefi.domain.fees.PriceLists;
import se.lefi.domain.fees.Sek;
import se.lefi.domain.party.PartyKind;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.fees.UsageMeter;

/**
 * Monthly invoices (fakturor): each organisation's metered usage at the prices of the price list
 * (config/fees.csv) in force for the month. The price list is read at every call, so an edited or
 * added list is used at once. The current month is invoiced as far as it has run; a future month
 * has nothing to invoice.
 */
@Stateless
public class Invoicing {
    public static final String PRICE_LIST_FILE = "fees.csv";
    private static final Logger LOG = Logger.getLogger(Invoicing.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    LefiConfiguration configuration;

    /** Why there is no invoice; each is a stable problem code of the admin API. */
    public enum Reason { MONTH_IN_FUTURE, NO_PRICE_LIST, NOT_REGISTERED, NOT_INVOICED, PRICE_LIST_INVALID }

    /** No invoice can be made; the message is fixed text or the price list's own error, never personal data. */
    @ApplicationException(rollback = false)
    public static class Refused extends Exception {
        private final Reason reason;

        public Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Every organisation's invoice for a month, and their sum. */
    public record MonthInvoices(YearMonth month, LocalDate priceListValidFrom, List<Invoice> invoices, BigDecimal total) {
    }

    /** The organisation's invoice for {@code month}, at the prices for its party kind. */
    public Invoice invoice(String organisationNumber, YearMonth month) throws Refused {
        PriceList list = priceListFor(month);
        Optional<UsageMeter.Metered> metered;
        try (Connection c = dataSource.getConnection()) {
            metered = UsageMeter.of(c, month, SwedishTime.ZONE, organisationNumber);
        } catch (SQLException e) {
            throw new IllegalStateException("the usage could not be metered", e);
        }
        if (metered.isEmpty()) {
            throw new Refused(Reason.NOT_REGISTERED, "No organisation has that number.");
        }
        PartyKind kind = PartyKind.valueOf(metered.get().kind());
        if (!PriceLists.INVOICED_KINDS.contains(kind)) {
            throw new Refused(Reason.NOT_INVOICED, "The agency's own organisation is not invoiced.");
        }
        return invoice(metered.get(), kind, month, list);
    }

    /**
     * The invoices of every organisation with something to invoice in {@code month}: an agreement in
     * force on some day, or any use. Organisations that were only requested, and the agency, have none.
     */
    public MonthInvoices invoices(YearMonth month) throws Refused {
        PriceList list = priceListFor(month);
        List<UsageMeter.Metered> all;
        try (Connection c = dataSource.getConnection()) {
            all = UsageMeter.all(c, month, SwedishTime.ZONE);
        } catch (SQLException e) {
            throw new IllegalStateException("the usage could not be metered", e);
        }
        List<Invoice> invoices = all.stream()
                .filter(m -> PriceLists.INVOICED_KINDS.contains(PartyKind.valueOf(m.kind())) && !m.usage().isNone())
                .map(m -> invoice(m, PartyKind.valueOf(m.kind()), month, list))
                .toList();
        return new MonthInvoices(month, list.validFrom(), invoices,
                invoices.stream().map(Invoice::total).reduce(Sek.ZERO, BigDecimal::add));
    }

    /** Every price list of config/fees.csv, read now. */
    public PriceLists priceLists() throws Refused {
        Path file = configuration.configDir().resolve(PRICE_LIST_FILE);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return PriceLists.parse(reader);
        } catch (IOException e) {
            LOG.warning("the price list " + file + " cannot be read: " + e);
            throw new Refused(Reason.PRICE_LIST_INVALID, "The price list (config/" + PRICE_LIST_FILE + ") cannot be read.");
        } catch (IllegalArgumentException e) {
            LOG.warning("the price list " + file + " is invalid: " + e.getMessage());
            throw new Refused(Reason.PRICE_LIST_INVALID, "config/" + PRICE_LIST_FILE + ": " + e.getMessage());
        }
    }

    private PriceList priceListFor(YearMonth month) throws Refused {
        if (month.isAfter(YearMonth.now(configuration.clock()))) {
            throw new Refused(Reason.MONTH_IN_FUTURE, "A month that has not begun has nothing to invoice.");
        }
        return priceLists().inForce(month).orElseThrow(() -> new Refused(Reason.NO_PRICE_LIST,
                "No price list is in force for that month (fees are charged from the first list's valid_from)."));
    }

    private static Invoice invoice(UsageMeter.Metered metered, PartyKind kind, YearMonth month, PriceList list) {
        return Invoice.of(metered.organisationNumber(), metered.name(), kind, month, list, metered.usage());
    }
}
