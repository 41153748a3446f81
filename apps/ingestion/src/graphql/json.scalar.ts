import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Deeper literals are refused: converting them recursively could exhaust the stack. */
const MAX_LITERAL_DEPTH = 32;

function literalValue(node: ValueNode, variables: Record<string, unknown> | null | undefined, depth: number): unknown {
  if (depth > MAX_LITERAL_DEPTH) throw new GraphQLError(`JSON literal nested deeper than ${MAX_LITERAL_DEPTH} levels`);
  switch (node.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((value) => literalValue(value, variables, depth + 1));
    case Kind.OBJECT: {
      const object: Record<string, unknown> = {};
      for (const field of node.fields) object[field.name.value] = literalValue(field.value, variables, depth + 1);
      return object;
    }
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    default:
      return undefined;
  }
}

/** Any JSON value: the `data` of a signal, validated per signal type by the domain, not by GraphQL. */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => literalValue(node, variables, 0),
});
