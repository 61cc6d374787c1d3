using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Resultataftaler.Core.Data;

/// <summary>
/// One row whose counter goes up in the same transaction as every write of the application's data
/// (<see cref="ResultataftalerDbContext.SaveChangesAsync(bool, CancellationToken)"/>): the pages'
/// cache asks for it once per request and reads afresh when it moved — on any instance, after a
/// write on any other (decision 0013). A counter, not a latest timestamp: two writes in the same
/// clock tick, or on two machines with different clocks, still move it.
/// </summary>
public sealed class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Value { get; set; }

    /// <summary>The current value (provider-neutral SQL; the column is called "Value" for SqlQueryRaw).</summary>
    public const string ReadSql = """SELECT "Value" FROM "DataVersions" WHERE "Id" = 1""";

    internal const string BumpSql = """UPDATE "DataVersions" SET "Value" = "Value" + 1 WHERE "Id" = 1""";
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = DataVersion.SingletonId, Value = 0 });
    }
}
