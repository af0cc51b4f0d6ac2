package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.acknowledgenotifications.v1.AcknowledgeNotificationsResponseType;
import se.lefi.contract.acknowledgenotifications.v1.AcknowledgeNotificationsType;
import se.lefi.contract.cancelsubscription.v1.CancelSubscriptionResponseType;
import se.lefi.contract.cancelsubscription.v1.CancelSubscriptionType;
import se.lefi.contract.core.v1.DecisionType;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getnotifications.v1.GetNotificationsResponseType;
import se.lefi.contract.getnotifications.v1.GetNotificationsType;
import se.lefi.contract.lefisubscription.v1.LefiFault;
import se.lefi.contract.lefisubscription.v1.LefiSubscriptionResponderInterface;
import se.lefi.contract.orderfullupdate.v1.OrderFullUpdateResponseType;
import se.lefi.contract.orderfullupdate.v1.OrderFullUpdateType;
import se.lefi.contract.ordersubscription.v1.OrderSubscriptionResponseType;
import se.lefi.contract.ordersubscription.v1.OrderSubscriptionType;
import se.lefi.contract.subscriptioncore.v1.NotificationKindCode;
import se.lefi.contract.subscriptioncore.v1.NotificationType;
import se.lefi.contract.subscriptioncore.v1.PersonOutcomeType;
import se.lefi.contract.withdrawconsent.v1.WithdrawConsentResponseType;
import se.lefi.contract.withdrawconsent.v1.WithdrawConsentType;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.domain.subscription.SubscriptionScope;

/**
 * The subscription service over SOAP (LefiSubscription_1.0.wsdl): an order's INITIAL notification in
 * the feed, acknowledgement, full update, consent withdrawal and cancellation; refusals of a whole
 * request as coded faults, and of one person in the receipt. Demo persons 700..720 are this test's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubscriptionSoapIT {
    private static final LocalDate FROM = Questions.TODAY.minusYears(1);

    @Test
    void anOrderIsNotifiedAcknowledgedUpdatedAndCancelled() throws Exception {
        PersonRecord person = LongStream.rangeClosed(700, 720).mapToObj(DemoRegister.REGISTER::person)
                .filter(p -> !Questions.decisionsIn(p, Set.of(InformationType.SJP), FROM, SubscriptionScope.OPEN_END).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no demo person 700..720 has SJP from " + FROM));
        String personId = person.person().personId();
        LefiSubscriptionResponderInterface insurer = client("insurer");
        long before = insurer.getNotifications(feed(null, 1)).getLastSequence();

        OrderSubscriptionType order = order(PurposeCode.COORDINATION_OF_COMPENSATION, personId);
        order.setCorrelationId("soap-subscription-1");
        OrderSubscriptionResponseType receipt = insurer.orderSubscription(order);
        assertNotNull(receipt.getOrderId());
        assertEquals(1, receipt.getPerson().size());
        PersonOutcomeType ordered = receipt.getPerson().get(0);
        assertEquals(0, ordered.getIndex());
        assertNotNull(ordered.getSubscriptionId());
        assertNull(ordered.getCode());
        JsonObject audit = AdminApi.auditRecord(ordered.getRequestId());
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals("OrderSubscription", audit.getString("operation"));
        assertEquals(personId, audit.getString("personId"));
        assertEquals(DemoRegister.INSURER, audit.getString("organisationNumber"));

        NotificationType initial = notification(insurer.getNotifications(feed(before, 1000)), ordered.getRequestId());
        assertEquals(NotificationKindCode.INITIAL, initial.getKind());
        assertEquals(personId, initial.getPersonId());
        assertTrue(initial.getSequence() > before);
        assertNull(initial.getItemKind());
        assertNull(initial.getChange());
        assertNotNull(initial.getRegisterTime());
        assertEquals(Questions.decisionsIn(person, Set.of(InformationType.SJP), FROM, SubscriptionScope.OPEN_END),
                initial.getDecision().stream().map(DecisionType::getDecisionId).collect(Collectors.toSet()));
        assertNull(initial.getPersonInformation(), "GEPI was not ordered");

        AcknowledgeNotificationsResponseType acknowledged = insurer.acknowledgeNotifications(upTo(initial.getSequence()));
        assertTrue(acknowledged.getAcknowledged() >= initial.getSequence());
        assertTrue(acknowledged.getLastSequence() >= initial.getSequence());
        // Without "after", the feed starts after the acknowledged position.
        GetNotificationsResponseType unread = insurer.getNotifications(new GetNotificationsType());
        assertEquals(acknowledged.getAcknowledged(), unread.getAcknowledged());
        assertTrue(unread.getNotification().stream().allMatch(n -> n.getSequence() > initial.getSequence()));

        OrderFullUpdateType fullUpdate = new OrderFullUpdateType();
        fullUpdate.getPersonId().add(personId);
        fullUpdate.setFrom(Questions.date(FROM));
        OrderFullUpdateResponseType updated = insurer.orderFullUpdate(fullUpdate);
        assertEquals(ordered.getSubscriptionId(), updated.getPerson().get(0).getSubscriptionId());
        assertNull(updated.getPerson().get(0).getCode());
        NotificationType resent = notification(insurer.getNotifications(feed(initial.getSequence(), 1000)),
                updated.getPerson().get(0).getRequestId());
        assertEquals(NotificationKindCode.FULL_UPDATE, resent.getKind());
        assertEquals(initial.getDecision().size(), resent.getDecision().size());

        CancelSubscriptionResponseType cancelled = insurer.cancelSubscription(cancel(personId));
        assertEquals(ordered.getSubscriptionId(), cancelled.getPerson().get(0).getSubscriptionId());
        assertNull(cancelled.getPerson().get(0).getCode());
        assertEquals("CancelSubscription", AdminApi.auditRecord(cancelled.getPerson().get(0).getRequestId()).getString("operation"));
        PersonOutcomeType again = insurer.cancelSubscription(cancel(personId)).getPerson().get(0);
        assertEquals(FaultCode.NOT_SUBSCRIBED, again.getCode());
        assertNull(again.getSubscriptionId());
    }

    @Test
    void aPersonRefusedIsReportedInTheReceiptAndTheRestOfTheOrderStands() throws Exception {
        String personId = SyntheticRegister.personId(711);
        LefiSubscriptionResponderInterface insurer = client("insurer");
        OrderSubscriptionResponseType receipt = insurer.orderSubscription(
                order(PurposeCode.COORDINATION_OF_COMPENSATION, personId, "191212121213"));

        assertEquals(2, receipt.getPerson().size());
        assertNotNull(receipt.getPerson().get(0).getSubscriptionId());
        PersonOutcomeType refused = receipt.getPerson().get(1);
        assertEquals(1, refused.getIndex());
        assertEquals(FaultCode.INVALID_PERSON_ID, refused.getCode());
        assertNotNull(refused.getMessage());
        assertFalse(refused.getMessage().contains("191212121213"), "the message echoes nothing personal");
        assertNull(refused.getSubscriptionId());
        assertEquals("INVALID_PERSON_ID", AdminApi.auditRecord(refused.getRequestId()).getString("outcome"));

        assertNull(insurer.cancelSubscription(cancel(personId)).getPerson().get(0).getCode());
    }

    @Test
    void aWithdrawnConsentEndsTheSubscriptionsUnderIt() throws Exception {
        String consentId = "soap-it-" + UUID.randomUUID();
        LefiSubscriptionResponderInterface insurer = client("insurer");
        OrderSubscriptionType order = order(PurposeCode.CLAIM_MANAGEMENT, SyntheticRegister.personId(712), SyntheticRegister.personId(713));
        order.setConsent(Questions.consent(consentId, Questions.TODAY.minusDays(3)));
        assertTrue(insurer.orderSubscription(order).getPerson().stream().allMatch(p -> p.getCode() == null));

        WithdrawConsentType withdrawal = new WithdrawConsentType();
        withdrawal.setConsentId(consentId);
        withdrawal.setFrom(Questions.date(Questions.TODAY));
        WithdrawConsentResponseType withdrawn = insurer.withdrawConsent(withdrawal);
        assertEquals(2, withdrawn.getSubscriptions());
        assertEquals("GRANTED", AdminApi.auditRecord(withdrawn.getRequestId()).getString("outcome"));

        withdrawal.setConsentId("soap-it-no-such-consent");
        assertEquals(FaultCode.NOT_SUBSCRIBED, assertThrows(LefiFault.class, () -> insurer.withdrawConsent(withdrawal))
                .getFaultInfo().getCode());
    }

    @Test
    void aRefusedRequestIsACodedFault() throws Exception {
        OrderSubscriptionType order = order(PurposeCode.COORDINATION_OF_COMPENSATION, SyntheticRegister.personId(714));
        LefiFault terminated = assertThrows(LefiFault.class, () -> client("terminated").orderSubscription(order));
        assertEquals(FaultCode.AGREEMENT_TERMINATED, terminated.getFaultInfo().getCode());
        JsonObject audit = AdminApi.auditRecord(terminated.getFaultInfo().getRequestId());
        assertEquals("AGREEMENT_TERMINATED", audit.getString("outcome"));
        assertEquals("OrderSubscription", audit.getString("operation"));
        assertEquals(FaultCode.AGREEMENT_TERMINATED, assertThrows(LefiFault.class,
                () -> client("terminated").getNotifications(feed(null, 10))).getFaultInfo().getCode());

        order.setPrincipalOrganisationNumber("5569000011");
        assertEquals(FaultCode.INVALID_ORGANISATION_NUMBER, assertThrows(LefiFault.class,
                () -> client("agent").orderSubscription(order)).getFaultInfo().getCode());
        order.setPrincipalOrganisationNumber(DemoRegister.MUNICIPALITY);
        assertEquals(FaultCode.PRINCIPAL_NOT_ALLOWED, assertThrows(LefiFault.class,
                () -> client("insurer").orderSubscription(order)).getFaultInfo().getCode());

        // Against the schema (max is 1 to 1000): the interceptor's coded fault, under this contract's fault class.
        LefiFault invalid = assertThrows(LefiFault.class, () -> client("insurer").getNotifications(feed(null, 0)));
        assertEquals(FaultCode.INVALID_REQUEST, invalid.getFaultInfo().getCode());
        assertEquals("GetNotifications", AdminApi.auditRecord(invalid.getFaultInfo().getRequestId()).getString("operation"));
        assertEquals(FaultCode.INVALID_REQUEST, assertThrows(LefiFault.class,
                () -> client("insurer").acknowledgeNotifications(upTo(Long.MAX_VALUE))).getFaultInfo().getCode());
    }

    /** A CXF client of the LEFI Subscription contract, as the named demo party. */
    private static LefiSubscriptionResponderInterface client(String alias) throws Exception {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(LefiSubscriptionResponderInterface.class);
        factory.setAddress(LefiServer.uri("/ws/LefiSubscription").toString());
        LefiSubscriptionResponderInterface port = (LefiSubscriptionResponderInterface) factory.create();
        Client client = ClientProxy.getClient(port);
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(LefiServer.sslContext(alias));
        ((HTTPConduit) client.getConduit()).setTlsClientParameters(tls);
        return port;
    }

    private static OrderSubscriptionType order(PurposeCode purpose, String... personIds) {
        OrderSubscriptionType order = new OrderSubscriptionType();
        order.getPersonId().addAll(List.of(personIds));
        order.getInformationType().addAll(List.of(InformationTypeCode.SJP, InformationTypeCode.SGI));
        order.setPurpose(purpose);
        order.setFrom(Questions.date(FROM));
        return order;
    }

    private static CancelSubscriptionType cancel(String personId) {
        CancelSubscriptionType cancel = new CancelSubscriptionType();
        cancel.getPersonId().add(personId);
        return cancel;
    }

    private static GetNotificationsType feed(Long after, Integer max) {
        GetNotificationsType feed = new GetNotificationsType();
        feed.setAfter(after);
        feed.setMax(max);
        return feed;
    }

    private static AcknowledgeNotificationsType upTo(long sequence) {
        AcknowledgeNotificationsType acknowledge = new AcknowledgeNotificationsType();
        acknowledge.setUpTo(sequence);
        return acknowledge;
    }

    /** The notification disclosed under {@code requestId}; fails the test when the page lacks it. */
    private static NotificationType notification(GetNotificationsResponseType page, String requestId) {
        return page.getNotification().stream().filter(n -> requestId.equals(n.getRequestId())).findFirst()
                .orElseThrow(() -> new AssertionError("no notification for request " + requestId + " after the order"));
    }
}
