package se.lefi.interfaces.soap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Bounds every element's text as the XML is read, before the schema sees it. The schema's patterns are
 * checked by a regular-expression engine whose cost grows with the square of the text's length (a
 * megabyte-long case id took minutes of a core), and its length facets are checked after the pattern: so
 * the bound comes first, here. Elements get {@code defaultMax} characters; the named ones (SSBTEK's base64
 * v9 question) their own.
 */
class TextLengthLimit extends AbstractPhaseInterceptor<Message> {
    /** A text longer than its element allows: the caller's mistake, coded INVALID_REQUEST. */
    static final class TooLong extends RuntimeException {
        TooLong() {
            super("an element's text is longer than the contract allows", null, false, false);
        }
    }

    private final int defaultMax;
    private final Map<String, Integer> maxByElement;

    TextLengthLimit(int defaultMax, Map<String, Integer> maxByElement) {
        super(Phase.POST_STREAM);
        addAfter(StaxInInterceptor.class.getName());
        this.defaultMax = defaultMax;
        this.maxByElement = Map.copyOf(maxByElement);
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader != null) {
            message.setContent(XMLStreamReader.class, new Bounded(reader));
        }
    }

    private final class Bounded extends StreamReaderDelegate {
        private final Deque<Integer> limits = new ArrayDeque<>();
        private long textLength;

        Bounded(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    limits.push(maxByElement.getOrDefault(getLocalName(), defaultMax));
                    textLength = 0;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    limits.poll();
                    textLength = 0;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    textLength += getTextLength();
                    if (textLength > (limits.isEmpty() ? defaultMax : limits.peek())) {
                        throw new TooLong();
                    }
                }
                default -> {
                }
            }
            return event;
        }
    }
}
