package se.lefi.interfaces.soap;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebFault;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.interfaces.http.BodySizeLimit;

/**
 * Every fault leaves as a coded fault of its contract (LefiFault; SSBTEK's BastjanstInformationFault).
 * Faults the endpoint did not raise itself — schema violations, unreadable XML, unexpected failures —
 * get the code INVALID_REQUEST or SERVICE_UNAVAILABLE, a fixed message (the parser's own text may quote
 * personal data), and an audit record.
 */
class CodedFaultInterceptor extends AbstractPhaseInterceptor<Message> {
    private static final Logger LOG = Logger.getLogger(CodedFaultInterceptor.class.getName());
    private static final String CORE_NAMESPACE = "urn:se:lefi:online:core:1";

    /** Writes a contract's fault element for a code, its fixed message and the audit record's request id. */
    interface FaultDetail {
        Element write(Document document, String operation, RefusalCode code, String message, String requestId);
    }

    /** LEFI Online's and LEFI Subscription's core:LefiFault. */
    static final FaultDetail LEFI_FAULT = (document, operation, code, message, requestId) -> {
        Element lefiFault = document.createElementNS(CORE_NAMESPACE, "core:LefiFault");
        lefiFault.appendChild(text(document, CORE_NAMESPACE, "core:code", code.name()));
        lefiFault.appendChild(text(document, CORE_NAMESPACE, "core:message", message));
        lefiFault.appendChild(text(document, CORE_NAMESPACE, "core:requestId", requestId));
        return lefiFault;
    };

    private final LefiOnlineService service;
    private final String interfaceName;
    private final FaultDetail faultDetail;

    CodedFaultInterceptor(LefiOnlineService service) {
        this(service, ServiceInterface.SYSTEM_TO_SYSTEM.name(), LEFI_FAULT);
    }

    CodedFaultInterceptor(LefiOnlineService service, String interfaceName, FaultDetail faultDetail) {
        super(Phase.SETUP);
        this.service = service;
        this.interfaceName = interfaceName;
        this.faultDetail = faultDetail;
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || isContractFault(fault.getCause())) {
            return;
        }
        boolean callerError = isCallerError(fault);
        RefusalCode code = callerError ? RefusalCode.INVALID_REQUEST : RefusalCode.SERVICE_UNAVAILABLE;
        Exchange exchange = message.getExchange();
        String operation = operationName(exchange);
        String requestId = audit(exchange, operation, code);
        if (!callerError) {
            LOG.log(Level.WARNING, "unanswered request {0} ({1}): {2}",
                    new Object[] {requestId, operation, fault.getCause() == null ? "fault" : fault.getCause().getClass().getName()});
        }
        Refusal refusal = Refusal.of(code);
        fault.setMessage(code.name() + ": " + refusal.message());
        Element detail = fault.getOrCreateDetail();
        while (detail.getFirstChild() != null) {
            detail.removeChild(detail.getFirstChild());
        }
        detail.appendChild(faultDetail.write(detail.getOwnerDocument(), operation, code, refusal.message(), requestId));
    }

    private String audit(Exchange exchange, String operation, RefusalCode code) {
        Message in = exchange.getInMessage();
        Caller caller = in == null || !(in.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest request)
                ? Caller.withoutCertificate()
                : RequestCaller.of(request);
        try {
            return service.recordUnanswered(caller, interfaceName, operation, code, null);
        } catch (RuntimeException e) {
            String requestId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "could not audit unanswered request {0}: {1}", new Object[] {requestId, e.getClass().getName()});
            return requestId;
        }
    }

    /** A fault the endpoint raised itself, coded already: each contract's generated fault classes are @WebFault. */
    private static boolean isContractFault(Throwable cause) {
        return cause != null && cause.getClass().isAnnotationPresent(WebFault.class);
    }

    /**
     * CXF's own code is "client"; SOAP 1.1 says "Client", SOAP 1.2 "Sender". A SOAP 1.2 envelope sent to a
     * SOAP 1.1 endpoint is "VersionMismatch", and a header the caller demands be understood "MustUnderstand":
     * the caller's mistakes too, never a failure of the service (nor of its availability figures).
     */
    private static boolean isCallerError(Fault fault) {
        String code = fault.getFaultCode().getLocalPart();
        if ("client".equalsIgnoreCase(code) || "Sender".equals(code) || "VersionMismatch".equals(code) || "MustUnderstand".equals(code)) {
            return true;
        }
        // A text or a body over its bound, however the parser reports it.
        for (Throwable cause = fault.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof TextLengthLimit.TooLong || cause instanceof BodySizeLimit.BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    private static String operationName(Exchange exchange) {
        BindingOperationInfo operation = exchange.getBindingOperationInfo();
        return operation == null ? "unknown" : operation.getName().getLocalPart();
    }

    static Element text(Document document, String namespace, String qualifiedName, String value) {
        Element element = document.createElementNS(namespace, qualifiedName);
        element.setTextContent(value);
        return element;
    }
}
