using Bench.Soak;

// bench/soak/run.sh starts this twice: once as the misbehaving upstream, once as the load driver.
return args switch
{
    ["upstream", .. var rest] => await SoakUpstream.RunAsync(SoakArgs.Parse(rest)),
    ["drive", .. var rest] => await SoakDriver.RunAsync(SoakArgs.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bench.Soak upstream --port P | drive --gateway URL --gateway-pid PID --api-key K --seconds S --connections C --report FILE");
    return 2;
}
