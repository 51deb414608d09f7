package cn.dudao.bot.wecom.callback;

import cn.dudao.bot.wecom.callback.CallbackRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * A DOM parser hardened against the OWASP XML attacks (XXE, billion laughs, XInclude): any DOCTYPE is
 * refused outright, so no entity can be declared, expanded or fetched. One builder per thread, reset
 * after each use. Every failure becomes {@link Reason#MALFORMED_BODY} without the parser's message,
 * which may quote document content.
 */
final class SafeXml {

  private static final ErrorHandler SILENT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {
      // ignored: warnings never make a document acceptable or unacceptable
    }

    @Override
    public void error(SAXParseException e) throws SAXParseException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  };

  private static final String MAX_DEPTH = "32";

  private static final EntityResolver NO_ENTITIES = (publicId, systemId) -> {
    throw new SAXParseException("external entities are not allowed", null);
  };

  private static final DocumentBuilderFactory FACTORY = hardenedFactory();

  private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
    try {
      DocumentBuilder builder = FACTORY.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver(NO_ENTITIES);
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no hardened XML parser available", e);
    }
  });

  private SafeXml() {
  }

  static Element parseRoot(byte[] xml) {
    return parse(new InputSource(new ByteArrayInputStream(xml)));
  }

  static Element parseRoot(String xml) {
    return parse(new InputSource(new StringReader(xml)));
  }

  /** The text of the only direct child element named {@code name}; null when absent; rejects duplicates. */
  static String childText(Element parent, String name) {
    String found = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(n.getNodeName())) {
        if (found != null) {
          throw new CallbackRejectedException(Reason.MALFORMED_BODY, "duplicate element");
        }
        found = n.getTextContent();
      }
    }
    return found;
  }

  private static Element parse(InputSource source) {
    DocumentBuilder builder = BUILDER.get();
    try {
      Document document = builder.parse(source);
      Element root = document.getDocumentElement();
      if (root == null || !"xml".equals(root.getNodeName())) {
        throw new CallbackRejectedException(Reason.MALFORMED_BODY, "root element is not <xml>");
      }
      return root;
    } catch (CallbackRejectedException e) {
      throw e;
    } catch (Exception e) {
      throw new CallbackRejectedException(Reason.MALFORMED_BODY, "body is not well-formed, DOCTYPE-free XML");
    } finally {
      builder.reset();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver(NO_ENTITIES);
    }
  }

  private static DocumentBuilderFactory hardenedFactory() {
    // The JDK's own parser, whatever JAXP implementation the classpath brings: its limits are known.
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    // WeCom nests at most five levels (xml/SelectedItems/SelectedItem/OptionIds/OptionId).
    factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
    // A callback is a dozen elements: building the DOM at once is cheaper than the deferred DOM's chunk
    // arrays allocated for every document (a fifth of the parse in the profile).
    try {
      factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be configured", e);
    }
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(false);
    factory.setValidating(false);
    factory.setCoalescing(true);
    factory.setIgnoringComments(true);
    return factory;
  }
}
