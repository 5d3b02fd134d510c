import JunhengCollection
import Testing

@Suite struct FormFieldsTests {
    @Test func emptyBodyHasNoFields() throws {
        #expect(try FormFields(urlEncoded: Array("".utf8)).fields.isEmpty)
    }

    @Test func oneField() throws {
        let fields = try FormFields(urlEncoded: Array("q1=%E6%BB%A1%E6%84%8F".utf8))
        #expect(fields.fields == [FormFields.Field(name: "q1", value: "满意")])
    }

    @Test func repeatedFieldsKeepTheirOrder() throws {
        let fields = try FormFields(urlEncoded: Array("wants=a&x=1&wants=b+c&wants.other=%E2%94%8B".utf8))
        #expect(fields.values("wants") == ["a", "b c"])
        #expect(fields.first("wants.other") == "┋")
        #expect(fields.names == ["wants", "x", "wants.other"])
    }

    @Test func aNameWithoutValueIsEmpty() throws {
        let fields = try FormFields(urlEncoded: Array("a&b=&&c=%3D".utf8))
        #expect(fields.fields.map(\.name) == ["a", "b", "c"])
        #expect(fields.fields.map(\.value) == ["", "", "="])
    }

    @Test func badEscapeIsRefused() {
        #expect(throws: FormFieldsError.badEscape) { try FormFields(urlEncoded: Array("a=%E6%B".utf8)) }
        #expect(throws: FormFieldsError.badEscape) { try FormFields(urlEncoded: Array("a=%zz".utf8)) }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        #expect(throws: FormFieldsError.notUTF8) { try FormFields(urlEncoded: Array("a=%FF%FE".utf8)) }
    }

    @Test func tooManyFieldsAreRefused() {
        let body = (0...FormFields.maximumFields).map { "f\($0)=1" }.joined(separator: "&")
        #expect(throws: FormFieldsError.tooManyFields) { try FormFields(urlEncoded: Array(body.utf8)) }
    }
}
