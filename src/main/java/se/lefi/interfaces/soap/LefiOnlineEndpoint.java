package se.lefi.interfaces.soap;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import se.lefi.application.access.AvailablePurpose;
import se.lefi.application.access.BenefitAnswer;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.DisclosureService;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.application.access.Outcome;
import se.lefi.application.access.PingAnswer;
import se.lefi.contract.getavailableinformationtypes.v1.GetAvailableInformationTypesResponseType;
import se.lefi.contract.getavailableinformationtypes.v1.GetAvailableInformationTypesType;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationResponseType;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationType;
import se.lefi.contract.lefionline.v1.LefiFault;
import se.lefi.contract.lefionline.v1.LefiOnlineResponderInterface;
import se.lefi.contract.ping.v1.PingResponseType;
import se.lefi.contract.ping.v1.PingType;
import se.lefi.domain.party.ServiceInterface;

/** Adapts the generated SOAP interface to the application service: caller in, contract types out. */
public class LefiOnlineEndpoint implements LefiOnlineResponderInterface {
    private final LefiOnlineService service;
    private final DisclosureService disclosure;

    LefiOnlineEndpoint(LefiOnlineService service, DisclosureService disclosure) {
        this.service = service;
        this.disclosure = disclosure;
    }

    @Override
    public PingResponseType ping(PingType parameters) throws LefiFault {
        PingAnswer answer = granted(service.ping(caller()));
        PingResponseType response = new PingResponseType();
        response.setServiceVersion(answer.serviceVersion());
        response.setServerTime(ContractMapping.dateTime(answer.serverTime()));
        response.setRegisterTime(ContractMapping.dateTime(answer.registerTime()));
        return response;
    }

    @Override
    public GetAvailableInformationTypesResponseType getAvailableInformationTypes(GetAvailableInformationTypesType parameters)
            throws LefiFault {
        List<AvailablePurpose> purposes = granted(service.availableInformationTypes(caller(), ServiceInterface.SYSTEM_TO_SYSTEM, parameters.getPrincipalOrganisationNumber()));
        GetAvailableInformationTypesResponseType response = new GetAvailableInformationTypesResponseType();
        purposes.stream().map(ContractMapping::availablePurpose).forEach(response.getPurpose()::add);
        return response;
    }

    @Override
    public GetBenefitInformationResponseType getBenefitInformation(GetBenefitInformationType parameters) throws LefiFault {
        Outcome<BenefitAnswer> outcome = disclosure.disclose(caller(), ServiceInterface.SYSTEM_TO_SYSTEM, ContractMapping.question(parameters));
        return ContractMapping.response(outcome.requestId(), granted(outcome));
    }

    private static <T> T granted(Outcome<T> outcome) throws LefiFault {
        if (!outcome.isGranted()) {
            throw ContractMapping.fault(outcome.refusal(), outcome.requestId());
        }
        return outcome.value();
    }

    /** The caller as the client certificate of the current SOAP request names it. */
    static Caller caller() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return RequestCaller.of(request);
    }
}
