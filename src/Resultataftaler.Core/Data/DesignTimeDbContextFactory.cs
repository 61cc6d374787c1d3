using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Resultataftaler.Core.Data;

/// <summary>Used by `dotnet ef migrations add`; the running hosts configure the context from settings.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ResultataftalerDbContext>
{
    public ResultataftalerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ResultataftalerDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
