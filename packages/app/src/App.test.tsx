import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('starts on the sign-in page with the app title and guest entry', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Cilium Portal Test' },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    // What a user sees first: the configured title and the guest provider
    // with its Enter button (an app that fails to assemble shows neither).
    expect(
      await screen.findByText('Cilium Portal Test', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Guest')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeEnabled();
  });
});
