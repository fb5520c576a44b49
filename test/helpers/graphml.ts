import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** GraphML as fast-xml-parser reads it (attributes as plain properties, lists always arrays). */
export interface XmlData {
  key: string;
  '#text'?: string;
}
export interface XmlElement {
  id: string;
  data?: XmlData[];
}
export interface XmlEdge extends XmlElement {
  source: string;
  target: string;
}
export interface GraphML {
  graphml: {
    xmlns: string;
    key: Array<{ id: string; for: string; 'attr.name': string; 'attr.type': string }>;
    graph: { id: string; edgedefault: string; data?: XmlData[]; node?: XmlElement[]; edge?: XmlEdge[] };
  };
  '#comment'?: string;
}

/** Parses GraphML with a real XML parser, after checking the document is well-formed. */
export function parseGraphml(xml: string): GraphML {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    commentPropName: '#comment',
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name),
  });
  return parser.parse(xml) as GraphML;
}

/** An element's data values by key id. */
export const dataOf = (element: { data?: XmlData[] }): Record<string, string> => Object.fromEntries((element.data ?? []).map((d) => [d.key, d['#text'] ?? '']));
