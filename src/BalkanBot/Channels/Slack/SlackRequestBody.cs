using System.Buffers;
using BalkanBot.Hosting;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// The raw bytes of a Slack request, read once: the signature is computed over exactly these bytes and the
/// handler parses the same ones (re-reading a form or JSON body would not reproduce them byte for byte).
/// </summary>
public sealed class SlackRequestBody(byte[] bytes)
{
    public const int MaxBytes = (int)BotHost.MaxRequestBytes;

    public byte[] Bytes { get; } = bytes;

    /// <summary>Null when the body is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<SlackRequestBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var copy = new MemoryStream();
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                // Stop reading as soon as the cap is passed, whatever Content-Length claimed.
                if (copy.Length + read > MaxBytes) return null;
                copy.Write(buffer, 0, read);
            }
            return new SlackRequestBody(copy.ToArray());
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
