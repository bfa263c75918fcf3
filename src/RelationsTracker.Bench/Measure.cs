using System.Diagnostics;

namespace RelationsTracker.Bench;

public static class Measure
{
    public static async Task<Latency> LatencyAsync(int count, Func<Task> operation)
    {
        for (var i = 0; i < Math.Min(10, count); i++) await operation(); // warm-up
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return Latency.Of(samples);
    }

    /// <summary>One operation, timed once with no warm-up (a first request); it must answer below 500.</summary>
    public static async Task<Latency> OnceAsync(Func<Task<HttpResponseMessage>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await operation();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if ((int)response.StatusCode >= 500) throw new InvalidOperationException($"A first request answered {(int)response.StatusCode}");
        return Latency.Of([elapsed]);
    }

    /// <summary>One long operation over <paramref name="items"/> items (a rebuild), timed once, as items per second.</summary>
    public static async Task<Throughput> RateAsync(int items, Func<Task> operation)
    {
        var start = Stopwatch.GetTimestamp();
        await operation();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new Throughput(items, seconds, items / seconds, Latency.Of([seconds * 1000]));
    }

    public static async Task<Throughput> ThroughputAsync(int workers, int seconds, Func<int, Random, Task> operation)
    {
        var stop = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var samples = new List<double>[workers];
        var done = 0L;
        using var report = new CancellationTokenSource();
        var reporter = Task.Run(async () =>
        {
            var last = 0L;
            try
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), report.Token);
                    var now = Interlocked.Read(ref done);
                    Console.Error.WriteLine($"    {stop.Elapsed.TotalSeconds,5:N0} s: {(now - last) / 5.0:N0}/s");
                    last = now;
                }
            }
            catch (OperationCanceledException) { }
        });
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var random = new Random(worker * 7919 + seconds);
            var mine = samples[worker] = [];
            while (stop.Elapsed < until)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(worker, random);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref done);
            }
        }));
        report.Cancel();
        await reporter;
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = samples.SelectMany(s => s).ToList();
        return new Throughput(all.Count, elapsed, all.Count / elapsed, Latency.Of(all));
    }
}
