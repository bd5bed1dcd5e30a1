namespace Gateway.Preconditions;

/// <summary>Registers conditional-request support (issue 6): the per-resource locks and the ETag transforms.</summary>
internal static class PreconditionServiceCollectionExtensions
{
    public static IServiceCollection AddConditionalRequests(this IServiceCollection services)
    {
        services.AddSingleton<ResourceLocks>();
        services.AddSingleton<RedisResourceLocks>();
        services.AddSingleton<ResourceWriteVersions>();
        services.AddSingleton<ETagTransformFactory>();
        return services;
    }
}
