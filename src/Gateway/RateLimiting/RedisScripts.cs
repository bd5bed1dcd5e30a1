namespace Gateway.RateLimiting;

/// <summary>
/// One atomic Lua script per decision, on Redis's own clock (TIME), so replicas with skewed clocks still agree.
/// Each is the arithmetic of the matching <c>Gateway.Transforms.RateLimiting</c> counter; all return
/// <c>{allowed, remaining, resetMs, retryAfterMs}</c>. Refused requests do not count. Keys expire once they hold
/// nothing a fresh key would not.
/// </summary>
internal static class RedisScripts
{
    private const string Now = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        """;

    /// <summary>ARGV: limit, window ms. Windows aligned to the epoch, as <c>FixedWindowCounter</c>.</summary>
    public const string FixedWindow = Now + """
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local index = math.floor(now / window)
        local reset = (index + 1) * window - now
        local state = redis.call('HMGET', KEYS[1], 'w', 'c')
        local count = 0
        if tonumber(state[1]) == index then count = tonumber(state[2]) end
        if count >= limit then return {0, 0, reset, reset} end
        count = count + 1
        redis.call('HSET', KEYS[1], 'w', index, 'c', count)
        redis.call('PEXPIRE', KEYS[1], reset)
        return {1, limit - count, reset, 0}
        """;

    /// <summary>ARGV: limit, segment ms, segments. Per-segment counts in a hash, as <c>SlidingWindowCounter</c>.</summary>
    public const string SlidingWindow = Now + """
        local limit = tonumber(ARGV[1])
        local segment = tonumber(ARGV[2])
        local segments = tonumber(ARGV[3])
        local current = math.floor(now / segment)
        local first = current - segments + 1
        local fields = redis.call('HGETALL', KEYS[1])
        local sum = 0
        local oldest = nil
        for i = 1, #fields, 2 do
          local s = tonumber(fields[i])
          if s < first then
            redis.call('HDEL', KEYS[1], fields[i])
          else
            sum = sum + tonumber(fields[i + 1])
            if oldest == nil or s < oldest then oldest = s end
          end
        end
        if sum >= limit then
          local wait = (oldest + segments) * segment - now
          return {0, 0, wait, wait}
        end
        redis.call('HINCRBY', KEYS[1], current, 1)
        redis.call('PEXPIRE', KEYS[1], (current + segments) * segment - now)
        if oldest == nil then oldest = current end
        return {1, limit - sum - 1, (oldest + segments) * segment - now, 0}
        """;

    /// <summary>ARGV: bucket size, tokens per period, period ms. Whole periods since the bucket began, as <c>TokenBucketCounter</c>.</summary>
    public const string TokenBucket = Now + """
        local limit = tonumber(ARGV[1])
        local per = tonumber(ARGV[2])
        local period = tonumber(ARGV[3])
        local state = redis.call('HMGET', KEYS[1], 'k', 's')
        local tokens = tonumber(state[1])
        local start = tonumber(state[2])
        if tokens == nil or start == nil then
          tokens = limit
          start = now
        elseif now > start then
          local periods = math.floor((now - start) / period)
          if periods > 0 then
            tokens = math.min(limit, tokens + periods * per)
            start = start + periods * period
          end
        end
        local nextTick = start + period - now
        local allowed = 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        end
        redis.call('HSET', KEYS[1], 'k', tokens, 's', start)
        local missing = limit - tokens
        local full = nextTick
        if missing > 0 then full = nextTick + (math.ceil(missing / per) - 1) * period end
        redis.call('PEXPIRE', KEYS[1], math.max(1, full))
        if allowed == 1 then return {1, tokens, nextTick, 0} end
        return {0, 0, nextTick, nextTick}
        """;
}
