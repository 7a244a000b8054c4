namespace BalkanBot.Channels;

/// <summary>
/// Reads a request body up to a cap, for every channel endpoint. Content-Length is not trusted: reading stops as
/// soon as the cap is passed, whatever the header said (chunked uploads have none).
/// </summary>
public static class RequestBody
{
    /// <summary>Largest body any channel accepts; Bot Framework activities and Slack payloads are far smaller.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The body's bytes, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return null;
        using var copy = new MemoryStream(request.ContentLength is > 0 and var n ? (int)n : 4096);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (copy.Length + read > MaxBytes) return null;
                copy.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null; // Kestrel's own limit tripped first.
        }
        return copy.ToArray();
    }
}
