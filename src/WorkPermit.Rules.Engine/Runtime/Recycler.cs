namespace WorkPermit.Rules.Engine.Runtime;

/// <summary>
/// The objects of one kind (tokens, fact handles, right-memory entries, linked-fact lists) that a session made since
/// it was last reset, kept so that the next run after <see cref="Session.Reset"/> uses them again instead of
/// allocating. Nothing is handed out twice within one run: an object is only taken again after a reset has cleared
/// it, so the network's references to live and dead objects stay exactly as they would with fresh ones.
/// </summary>
/// <remarks>
/// A session only starts keeping objects after its first reset (a session that is never reset keeps nothing, so a
/// long-lived one does not hold on to dead tokens), and keeps at most <see cref="MaxKept"/> of a kind, so a run that
/// makes more than that allocates the rest as usual.
/// </remarks>
internal sealed class Recycler<T>
    where T : class
{
    /// <summary>The most objects of one kind a session keeps.</summary>
    public const int MaxKept = 1 << 16;

    private T[] _items = new T[64];
    private int _used;
    private int _kept;

    /// <summary>Takes a kept, cleared object, or returns null when every kept object is in use.</summary>
    public T? Reuse() => _used < _kept ? _items[_used++] : null;

    /// <summary>Keeps a newly allocated object (taken into use at once); called only when <see cref="Reuse"/> returned null.</summary>
    public void Keep(T item)
    {
        if (_kept == MaxKept)
        {
            return;
        }

        if (_kept == _items.Length)
        {
            Array.Resize(ref _items, _kept * 2);
        }

        _items[_kept++] = item;
        _used = _kept;
    }

    /// <summary>The objects used since the last reset: the reset clears them before <see cref="Rewind"/>.</summary>
    public ReadOnlySpan<T> Used => _items.AsSpan(0, _used);

    /// <summary>Makes every kept object available again (they must have been cleared).</summary>
    public void Rewind() => _used = 0;
}
