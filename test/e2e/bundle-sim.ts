/** Bundles test code for the browser with the project's webpack: the simulated Excel host (office-sim.ts), the real-runtime harness. */
import path from 'node:path';
import webpack from 'webpack';

export function bundleSimulatedHost(outDir: string): Promise<string> {
  return bundleForBrowser(path.join(__dirname, 'office-sim.ts'), outDir, 'office-sim.js');
}

/** One TypeScript entry and what it imports as one script; its path. */
export async function bundleForBrowser(entry: string, outDir: string, filename: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    entry,
    output: { path: outDir, filename },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2020' } } },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
      else compiler.close(() => resolve());
    }),
  );
  return path.join(outDir, filename);
}
