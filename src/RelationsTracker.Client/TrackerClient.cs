using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelationsTracker.Client;

/// <summary>The hand-written part of the generated client (TrackerClient.g.cs).</summary>
public partial class TrackerClient
{
    // The API refuses null for an optional field left out ("leave it out instead"): leave unset fields out of bodies.
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
