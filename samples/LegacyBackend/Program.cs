using LegacyBackend.Endpoints;
using LegacyBackend.Hosting;
using LegacyBackend.Students;

var builder = WebApplication.CreateBuilder(args);

// Quiet by default: the interesting output is the HTTP traffic, not our logs.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseDefaultListenAddress(builder.Configuration);
// Kestrel's own "Server: Kestrel" would give the game away; the IIS one is set by middleware.
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
builder.Services.AddSingleton(new StudentStore());

var app = builder.Build();

app.UseLegacyHeaders();
app.UseHeadAsGet();
app.UseYellowScreenForUnhandledErrors();
// Explicit, so routing sees the method HeadAsGet has rewritten.
app.UseRouting();

app.MapStudentEndpoints();
app.MapLegacyEnvelopeEndpoints();
app.MapStackTraceEndpoints();
app.MapDatabaseErrorEndpoints();
app.MapSoapEndpoints();
app.MapStatusEndpoints();
app.MapTransportEndpoints();
app.MapHealthEndpoints();
app.MapIisNotFoundFallback();

app.Run();
