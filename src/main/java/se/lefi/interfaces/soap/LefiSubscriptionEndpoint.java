package se.lefi.interfaces.soap;

import java.util.List;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.application.access.Outcome;
import se.lefi.application.subscription.SubscriptionService;
import se.lefi.contract.acknowledgenotifications.v1.AcknowledgeNotificationsResponseType;
import se.lefi.contract.acknowledgenotifications.v1.AcknowledgeNotificationsType;
import se.lefi.contract.cancelsubscription.v1.CancelSubscriptionResponseType;
import se.lefi.contract.cancelsubscription.v1.CancelSubscriptionType;
import se.lefi.contract.core.v1.ConsentReferenceType;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.getnotifications.v1.GetNotificationsResponseType;
import se.lefi.contract.getnotifications.v1.GetNotificationsType;
import se.lefi.contract.lefisubscription.v1.LefiFault;
import se.lefi.contract.lefisubscription.v1.LefiSubscriptionResponderInterface;
import se.lefi.contract.orderfullupdate.v1.OrderFullUpdateResponseType;
import se.lefi.contract.orderfullupdate.v1.OrderFullUpdateType;
import se.lefi.contract.ordersubscription.v1.OrderSubscriptionResponseType;
import se.lefi.contract.ordersubscription.v1.OrderSubscriptionType;
import se.lefi.contract.subscriptioncore.v1.ChangeCode;
import se.lefi.contract.subscriptioncore.v1.ItemKindCode;
import se.lefi.contract.subscriptioncore.v1.NotificationKindCode;
import se.lefi.contract.subscriptioncore.v1.NotificationType;
import se.lefi.contract.subscriptioncore.v1.PersonOutcomeType;
import se.lefi.contract.withdrawconsent.v1.WithdrawConsentResponseType;
import se.lefi.contract.withdrawconsent.v1.WithdrawConsentType;
import se.lefi.domain.access.ConsentReference;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.subscription.Notification;
import se.lefi.domain.subscription.NotificationContent;

/**
 * Adapts the generated LEFI Subscription interface to the subscription service: caller in, contract
 * types out. A refused request is a LefiFault; within an order each person's refusal is in the receipt.
 */
public class LefiSubscriptionEndpoint implements LefiSubscriptionResponderInterface {
    /** As the REST feed: a page when the caller names no size. */
    static final int DEFAULT_MAX = 100;

    private final SubscriptionService subscriptions;
    private final LefiOnlineService online;

    LefiSubscriptionEndpoint(SubscriptionService subscriptions, LefiOnlineService online) {
        this.subscriptions = subscriptions;
        this.online = online;
    }

    @Override
    public OrderSubscriptionResponseType orderSubscription(OrderSubscriptionType parameters) throws LefiFault {
        Caller caller = LefiOnlineEndpoint.caller();
        String principal = principal(caller, SubscriptionService.ORDER, parameters.getPrincipalOrganisationNumber());
        ConsentReferenceType consent = parameters.getConsent();
        SubscriptionService.NewOrder order = new SubscriptionService.NewOrder(parameters.getPersonId(),
                parameters.getInformationType().stream().map(t -> InformationType.valueOf(t.name())).toList(),
                Purpose.valueOf(parameters.getPurpose().name()),
                consent == null ? null : new ConsentReference(consent.getConsentId(), ContractMapping.date(consent.getGivenOn()),
                        consent.getScope()),
                parameters.getCaseId(), ContractMapping.date(parameters.getFrom()), parameters.getCorrelationId());
        SubscriptionService.Receipt receipt = granted(subscriptions.order(caller, principal, order));
        OrderSubscriptionResponseType response = new OrderSubscriptionResponseType();
        response.setOrderId(receipt.orderId());
        response.getPerson().addAll(persons(receipt));
        return response;
    }

    @Override
    public CancelSubscriptionResponseType cancelSubscription(CancelSubscriptionType parameters) throws LefiFault {
        Caller caller = LefiOnlineEndpoint.caller();
        String principal = principal(caller, SubscriptionService.CANCEL, parameters.getPrincipalOrganisationNumber());
        SubscriptionService.Receipt receipt = granted(subscriptions.cancel(caller, principal, parameters.getPersonId()));
        CancelSubscriptionResponseType response = new CancelSubscriptionResponseType();
        response.setOrderId(receipt.orderId());
        response.getPerson().addAll(persons(receipt));
        return response;
    }

    @Override
    public OrderFullUpdateResponseType orderFullUpdate(OrderFullUpdateType parameters) throws LefiFault {
        Caller caller = LefiOnlineEndpoint.caller();
        String principal = principal(caller, SubscriptionService.FULL_UPDATE, parameters.getPrincipalOrganisationNumber());
        SubscriptionService.Receipt receipt = granted(subscriptions.fullUpdate(caller, principal, parameters.getPersonId(),
                ContractMapping.date(parameters.getFrom())));
        OrderFullUpdateResponseType response = new OrderFullUpdateResponseType();
        response.setOrderId(receipt.orderId());
        response.getPerson().addAll(persons(receipt));
        return response;
    }

    @Override
    public WithdrawConsentResponseType withdrawConsent(WithdrawConsentType parameters) throws LefiFault {
        Caller caller = LefiOnlineEndpoint.caller();
        String principal = principal(caller, SubscriptionService.WITHDRAW_CONSENT, parameters.getPrincipalOrganisationNumber());
        Outcome<Integer> outcome = subscriptions.withdrawConsent(caller, principal, parameters.getConsentId(),
                ContractMapping.date(parameters.getFrom()));
        WithdrawConsentResponseType response = new WithdrawConsentResponseType();
        response.setSubscriptions(granted(outcome));
        response.setRequestId(outcome.requestId());
        return response;
    }

    @Override
    public GetNotificationsResponseType getNotifications(GetNotificationsType parameters) throws LefiFault {
        Integer max = parameters.getMax();
        SubscriptionService.FeedPage page = granted(subscriptions.feed(LefiOnlineEndpoint.caller(), parameters.getAfter(),
                max == null ? DEFAULT_MAX : max));
        GetNotificationsResponseType response = new GetNotificationsResponseType();
        response.setLastSequence(page.lastSequence());
        response.setAcknowledged(page.acknowledged());
        page.notifications().stream().map(LefiSubscriptionEndpoint::notification).forEach(response.getNotification()::add);
        return response;
    }

    @Override
    public AcknowledgeNotificationsResponseType acknowledgeNotifications(AcknowledgeNotificationsType parameters) throws LefiFault {
        SubscriptionService.FeedPage page = granted(subscriptions.acknowledge(LefiOnlineEndpoint.caller(), parameters.getUpTo()));
        AcknowledgeNotificationsResponseType response = new AcknowledgeNotificationsResponseType();
        response.setLastSequence(page.lastSequence());
        response.setAcknowledged(page.acknowledged());
        return response;
    }

    /**
     * The principal's 10-digit number. An invalid one is refused here, as the REST twin does, since
     * the service would audit it as given.
     */
    private String principal(Caller caller, String operation, String given) throws LefiFault {
        if (given == null) {
            return null;
        }
        if (!OrganisationNumber.isValid(given)) {
            String requestId = online.recordUnanswered(caller, operation, RefusalCode.INVALID_ORGANISATION_NUMBER);
            throw fault(Refusal.of(RefusalCode.INVALID_ORGANISATION_NUMBER), requestId);
        }
        return OrganisationNumber.parse(given).value();
    }

    private static List<PersonOutcomeType> persons(SubscriptionService.Receipt receipt) {
        return receipt.persons().stream().map(p -> {
            PersonOutcomeType person = new PersonOutcomeType();
            person.setIndex(p.index());
            person.setRequestId(p.requestId());
            person.setSubscriptionId(p.subscriptionId());
            if (p.refusal() != null) {
                person.setCode(FaultCode.valueOf(p.refusal().code().name()));
                person.setMessage(p.refusal().message());
            }
            return person;
        }).toList();
    }

    static NotificationType notification(Notification source) {
        NotificationContent content = source.content();
        NotificationType notification = new NotificationType();
        notification.setSequence(source.sequence());
        notification.setPersonId(source.personId());
        notification.setKind(NotificationKindCode.valueOf(content.kind().name()));
        notification.setItemKind(content.itemKind() == null ? null : ItemKindCode.valueOf(content.itemKind().name()));
        notification.setItemId(content.itemId());
        notification.setChange(content.change() == null ? null : ChangeCode.valueOf(content.change().name()));
        notification.setChangeNumber(source.changeNumber());
        notification.setRegisterTime(ContractMapping.dateTime(source.registerTime()));
        notification.setRequestId(source.requestId());
        if (content.person() != null) {
            notification.setPersonInformation(ContractMapping.personInformation(content.person()));
        }
        content.decisions().forEach(d -> notification.getDecision().add(ContractMapping.decision(d)));
        content.payments().forEach(p -> notification.getPayment().add(ContractMapping.payment(p)));
        content.sgi().forEach(s -> notification.getSgi().add(ContractMapping.sgi(s)));
        return notification;
    }

    private static <T> T granted(Outcome<T> outcome) throws LefiFault {
        if (!outcome.isGranted()) {
            throw fault(outcome.refusal(), outcome.requestId());
        }
        return outcome.value();
    }

    private static LefiFault fault(Refusal refusal, String requestId) {
        return new LefiFault(ContractMapping.faultMessage(refusal), ContractMapping.faultInfo(refusal, requestId));
    }
}
