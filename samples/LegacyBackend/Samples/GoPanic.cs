namespace LegacyBackend.Samples;

/// <summary>A Go service without recover(): the panic goes straight into the response.</summary>
internal static class GoPanic
{
    // File lines start with a real tab, as the Go runtime prints them.
    public const string Body = """
        panic: runtime error: invalid memory address or nil pointer dereference
        [signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6f2a3d]

        goroutine 1 [running]:
        main.handler({0x8b5e40, 0xc0001c2000}, 0xc0001d4000)
        	/go/src/app/main.go:42 +0x1d
        net/http.HandlerFunc.ServeHTTP(0xc0001d4000?, {0x8b5e40?, 0xc0001c2000?}, 0x0?)
        	/usr/local/go/src/net/http/server.go:2171 +0x29
        net/http.(*ServeMux).ServeHTTP(0x0?, {0x8b5e40, 0xc0001c2000}, 0xc0001d4000)
        	/usr/local/go/src/net/http/server.go:2688 +0x1ad
        net/http.serverHandler.ServeHTTP({0xc0001a6090?}, {0x8b5e40?, 0xc0001c2000?}, 0x6?)
        	/usr/local/go/src/net/http/server.go:3142 +0x8e
        net/http.(*conn).serve(0xc0001b2000, {0x8b6478, 0xc0001a4f60})
        	/usr/local/go/src/net/http/server.go:2044 +0x5e8
        exit status 2

        """;
}
