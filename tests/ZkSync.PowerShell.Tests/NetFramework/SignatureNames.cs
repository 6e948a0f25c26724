using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace ZkSync.PowerShell.Tests.NetFramework
{
    /// <summary>
    /// Signatures as comparable text, the same from a member reference in one assembly and a definition in another:
    /// types by full name (no assembly: forwarders move them), generic parameters by position (!0 of the type, !!0 of
    /// the method), required modifiers kept (modreq changes what the runtime binds), optional ones dropped.
    /// </summary>
    internal sealed class SignatureNames : ISignatureTypeProvider<string, object?>
    {
        private static readonly SignatureNames Provider = new SignatureNames();

        public static string OfMethod(MethodDefinition method) => Format(method.DecodeSignature(Provider, null));

        public static string OfField(FieldDefinition field) => field.DecodeSignature(Provider, null);

        public static string OfReference(MemberReference member) =>
            member.GetKind() == MemberReferenceKind.Field
                ? member.DecodeFieldSignature(Provider, null)
                : Format(member.DecodeMethodSignature(Provider, null));

        /// <summary>
        /// The generic type a type specification instantiates (List`1 of List&lt;int&gt;); nil for arrays and others.
        /// </summary>
        public static EntityHandle GenericTypeOf(MetadataReader reader, TypeSpecificationHandle handle)
        {
            BlobReader blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return default;
            blob.ReadSignatureTypeCode(); // CLASS or VALUETYPE
            return blob.ReadTypeHandle();
        }

        private static string Format(MethodSignature<string> signature) =>
            (signature.Header.IsInstance ? "instance " : "") + signature.ReturnType +
            " (" + string.Join(",", signature.ParameterTypes) + ")`" + signature.GenericParameterCount;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            TypeNames.Of(reader, handle);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            TypeNames.Of(reader, handle).Name;

        public string GetTypeFromSpecification(
            MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) =>
            elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
            genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
            isRequired ? unmodifiedType + " modreq(" + modifier + ")" : unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + Format(signature);
    }
}
