package se.lefi.interfaces.soap;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.annotation.WebServlet;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import se.lefi.application.DisclosureService;
import se.lefi.application.LefiOnlineService;
import se.lefi.contract.lefionline.v1.LefiOnlineResponderInterface;

/**
 * Publishes the LEFI Online endpoint at /ws/LefiOnline with CXF. The endpoint is built from the
 * authored WSDL, which is also what {@code ?wsdl} serves.
 */
@WebServlet(urlPatterns = "/ws/*", loadOnStartup = 1)
public class LefiOnlineServlet extends CXFNonSpringServlet {
    static final String NAMESPACE = "urn:se:lefi:online:LefiOnline:1";
    static final String WSDL_LOCATION = "classpath:contract/wsdl/LefiOnline/LefiOnline_1.0.wsdl";

    @EJB
    LefiOnlineService service;

    @EJB
    DisclosureService disclosure;

    @Override
    protected void loadBus(ServletConfig servletConfig) {
        super.loadBus(servletConfig);
        Bus bus = getBus();
        BusFactory.setDefaultBus(bus);

        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(LefiOnlineResponderInterface.class);
        factory.setServiceBean(new LefiOnlineEndpoint(service, disclosure));
        factory.setWsdlLocation(WSDL_LOCATION);
        factory.setServiceName(new QName(NAMESPACE, "LefiOnlineResponderService"));
        factory.setEndpointName(new QName(NAMESPACE, "LefiOnlineResponderPort"));
        factory.setAddress("/LefiOnline");
        // Requests are checked against the contract; violations become the coded INVALID_REQUEST fault.
        factory.setProperties(Map.of("schema-validation-enabled", "IN"));
        factory.setOutFaultInterceptors(List.of(new CodedFaultInterceptor(service)));
        factory.create();
    }
}
