import JunhengCollection
import JunhengCore
import JunhengPostgres
import Testing

/// `--store postgres://…`: what each part of the address means, and what a wrong one says.
@Suite struct PostgresLocationTests {
    @Test func theAddressesAProvinceWrites() throws {
        let plain = try PostgresLocation(url: "postgres://junheng@127.0.0.1:5433/junheng")
        #expect(plain.user == "junheng" && plain.host == "127.0.0.1" && plain.port == 5433)
        #expect(plain.database == "junheng" && plain.password == nil && plain.socketFolder == nil)
        let fromEnvironment = try PostgresLocation(
            url: "postgresql://junheng@db.example.gov.cn/survey", environment: ["PGPASSWORD": "s3cret"])
        #expect(fromEnvironment.port == 5432 && fromEnvironment.password == "s3cret")
        let inline = try PostgresLocation(url: "postgres://jun%40heng:p%3Aw@[::1]:6000/d?schema=t_1")
        #expect(inline.user == "jun@heng" && inline.password == "p:w" && inline.host == "::1" && inline.port == 6000)
        #expect(inline.schema == "t_1")
        // The password never appears where the address is shown.
        #expect(inline.description == "postgres://jun@heng@[::1]:6000/d?schema=t_1")
        let socket = try PostgresLocation(url: "postgres://junheng@/junheng?host=/run/postgresql")
        #expect(socket.socketFolder == "/run/postgresql" && socket.port == 5432)
    }

    @Test func aWrongAddressSaysWhatIsWrongWithoutThePassword() {
        let cases: [(String, String)] = [
            ("mysql://a@b/c", "不是 postgres:// 地址"),
            ("postgres://b/c", "缺少用户名"),
            ("postgres://a@b", "缺少数据库名"),
            ("postgres://a:secret@b:port/c", "端口不是数字"),
            ("postgres://a@b:70000/c", "端口应在 1 到 65535 之间"),
            ("postgres://a@b/c?schema=Drop;Table", "schema 只能由小写字母"),
        ]
        for (url, message) in cases {
            let error = #expect(throws: CollectionStoreError.self) { try PostgresLocation(url: url) }
            #expect(error?.message.zh.contains(message) == true, "\(url)")
            #expect(error?.message.zh.contains("secret") == false, "\(url)")
        }
    }
}
